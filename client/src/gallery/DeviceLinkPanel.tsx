import { useId, useState } from "react";
import { DEVICE_LINK_TTL_MS, type DeviceLink } from "@whiteboard/shared";
import { describeError } from "../api/api-error";
import { CopyTextButton } from "../controls/CopyTextButton";
import { deviceUrl } from "../routes";

type State = { step: "idle" } | { step: "asking" } | { step: "shown"; url: string; expiresAt: string } | { step: "failed"; message: string };

const TTL_MINUTES = Math.round(DEVICE_LINK_TTL_MS / 60_000);

/**
 * "Use on another device": a one-time link (`/device/:token`) that makes the browser opening it
 * this same member, once that browser confirms, so a phone sees the libraries this laptop sees.
 * The response names the token `invite`; it is not a library invite. Asked for only when
 * clicked: each link is a credential, better not lying about unused.
 */
export function DeviceLinkPanel({ createLink }: { createLink: () => Promise<DeviceLink> }) {
  const [state, setState] = useState<State>({ step: "idle" });
  const [copyError, setCopyError] = useState<string | null>(null);
  const hintId = useId();

  async function ask() {
    setState({ step: "asking" });
    setCopyError(null);
    try {
      const link = await createLink();
      setState({ step: "shown", url: deviceUrl(window.location.origin, link.invite), expiresAt: link.expiresAt });
    } catch (error) {
      setState({ step: "failed", message: describeError(error) });
    }
  }

  return (
    <div className="device-link">
      <button type="button" className="button" data-testid="device-link" disabled={state.step === "asking"} onClick={ask}>
        Use on another device
      </button>
      {state.step === "shown" && (
        <div className="device-link-box" role="group" aria-label="Link for another device">
          <div className="device-link-row">
            <input
              className="input"
              data-testid="device-link-url"
              readOnly
              value={state.url}
              aria-describedby={hintId}
              aria-label="Link for another device"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyTextButton text={() => state.url} label="Copy" what="the link" testId="copy-device-link" className="button small" onResult={setCopyError} />
          </div>
          <p className="muted small" id={hintId}>
            Open it on the other device: it works once, within {TTL_MINUTES} minutes (until{" "}
            <time dateTime={state.expiresAt}>{clockTime(state.expiresAt)}</time>). That browser then sees the same
            boards and libraries as this one. Do not send it to anyone else.
          </p>
          {copyError && (
            <p className="small danger-note" role="alert">
              {copyError}
            </p>
          )}
          <div className="device-link-foot">
            <button type="button" className="button small ghost" data-testid="device-link-close" onClick={() => setState({ step: "idle" })}>
              Done
            </button>
          </div>
        </div>
      )}
      {state.step === "failed" && (
        <div className="device-link-box" role="alert">
          <p className="small danger-note">Could not make a link: {state.message}</p>
          <div className="device-link-foot">
            <button type="button" className="button small ghost" onClick={() => setState({ step: "idle" })}>
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function clockTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

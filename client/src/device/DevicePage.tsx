import { type ReactNode, useRef, useState } from "react";
import type { Library } from "@whiteboard/shared";
import { ApiError, describeError } from "../api/api-error";
import { PageShell } from "../pages/PageShell";
import "./device.css";

type Linking = { state: "asking" } | { state: "linking" } | { state: "linked" } | { state: "not-found" } | { state: "failed"; message: string };

/**
 * `/device/:token`: a device link made on another browser. It acts only when confirmed: the
 * server merges this browser's member into the one who made the link, so a link that acted on
 * load could be sent to anyone as "join our team" and quietly move their boards to the sender.
 * On success the address becomes `/` and the page the gallery (`renderLinked`); replacing the
 * address, not adding to it, as the token works once and Back or a reload must not offer it again.
 */
export function DevicePage({
  token,
  redeem,
  renderLinked,
}: {
  token: string;
  redeem: (token: string) => Promise<Library>;
  renderLinked: () => ReactNode;
}) {
  const [linking, setLinking] = useState<Linking>({ state: "asking" });
  // The button is disabled while the request runs, but a double click can land before React
  // re-renders; a second redemption would answer 404 over the first one's success.
  const inFlight = useRef(false);

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setLinking({ state: "linking" });
    try {
      await redeem(token);
      window.history.replaceState(null, "", "/");
      setLinking({ state: "linked" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setLinking({ state: "not-found" });
      else setLinking({ state: "failed", message: describeError(error) });
    } finally {
      inFlight.current = false;
    }
  }

  if (linking.state === "linked") return <>{renderLinked()}</>;
  if (linking.state === "not-found") {
    return (
      <PageShell title="Link not found">
        <section className="message-page" data-testid="device-page">
          <div className="join-status" role="status" data-testid="device-status" data-state="not-found">
            <h1>This link does not work</h1>
            <p className="muted">This link was already used or has expired; make a new one on the other device.</p>
          </div>
          <a className="button primary" href="/">
            Go to your boards
          </a>
        </section>
      </PageShell>
    );
  }

  const busy = linking.state === "linking";
  return (
    <PageShell title="Use on this device">
      <section className="message-page" data-testid="device-page" aria-labelledby="device-title">
        <h1 id="device-title">Use the same boards in this browser?</h1>
        <p>
          This link makes this browser use the same boards and libraries as the device that made it. It works in a browser that
          has not saved any boards of its own yet.
        </p>
        <p className="notice warning device-warning">
          Continue only if you made this link yourself, on your own device: whoever made it will see every board you open here.
        </p>
        {linking.state === "failed" && (
          <p className="small danger-note" role="alert" data-testid="device-status" data-state="failed">
            Could not link this browser: {linking.message}
          </p>
        )}
        <div className="device-actions">
          <button type="button" className="button primary" data-testid="device-confirm" disabled={busy} onClick={confirm}>
            {busy ? "Linking…" : "Use the same boards here"}
          </button>
          <a className="button" href="/" data-testid="device-cancel">
            Not now
          </a>
        </div>
      </section>
    </PageShell>
  );
}

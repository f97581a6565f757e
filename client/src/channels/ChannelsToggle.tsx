import { useCallback, useId, useRef, useState } from "react";
import { useCloseOnEscape } from "../controls/use-dismiss";
import type { ChannelMeter } from "./channel-reading";
import { ChannelsPanel } from "./ChannelsPanel";
// The panel hangs under its button as the toolbar menus' panels do, and spans a phone's screen like them.
import "../controls/popover-menu.css";
import "./channels-panel.css";

/**
 * The "How this works" button and, while open, the panel of this tab's channel. The panel stays
 * open while the user draws or browses beside it (only Escape, its Close button or the toggle
 * close it), and it is mounted only while open: a closed panel samples nothing and asks nothing.
 * `side`: the edge of the button the panel lines up with, the one with room beyond it.
 */
export function ChannelsToggle({ meter, side }: { meter: ChannelMeter; side: "left" | "right" }) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useCloseOnEscape(open, toggleRef, close);

  return (
    <div className="popover-menu channels-toggle">
      <button
        ref={toggleRef}
        type="button"
        className="button ghost small channels-button"
        data-testid="channels-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="How this works"
        title="How this works: this tab's channel, live"
        onClick={() => setOpen((was) => !was)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M12 11v6 M12 7.5v.01" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <ChannelsPanel
          id={panelId}
          meter={meter}
          className={side}
          onClose={() => {
            close();
            toggleRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

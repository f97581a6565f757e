import { useId, useState } from "react";
import type { Board } from "@whiteboard/shared";
import { describeError } from "../api/api-error";
import { ConfirmDialog } from "../controls/ConfirmDialog";
import { PopoverMenu } from "../controls/PopoverMenu";
import { CopyViewLinkButton } from "../gallery/CopyViewLinkButton";
import "./share-menu.css";

/**
 * The editor's "Share": the view-only link to copy, and "Reset links" for when a link reached
 * someone it should not have. Resetting closes every socket opened with the old id, this page's
 * own included, so the page is told before (`onResetting`) and moves to the new id after.
 */
export function ShareMenu({
  board,
  resetLinks,
  onResetting,
  moveTo,
}: {
  board: Pick<Board, "id" | "viewId">;
  resetLinks: (id: string) => Promise<Board>;
  /** True while a reset asked for here is under way: this page's own 4401 is then expected. */
  onResetting: (resetting: boolean) => void;
  /** Opens the board under its new id (`location.replace`, so Back does not lead to the dead link). */
  moveTo: (board: Board) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();

  async function reset() {
    onResetting(true);
    try {
      moveTo(await resetLinks(board.id));
    } catch (error) {
      onResetting(false);
      setMessage(`Could not reset the links: ${describeError(error)}`);
      setConfirming(false);
    }
  }

  return (
    <PopoverMenu
      label="Share"
      testid="share-menu"
      panelLabel="Share this board"
      className="share-menu"
      panelClassName="share-panel"
      dismissible={!confirming}
      outside={
        confirming && (
          <ConfirmDialog
            title="Reset this board's links?"
            confirmLabel="Reset links"
            confirmTestId="confirm-reset-links"
            onCancel={() => setConfirming(false)}
            onConfirm={reset}
          >
            <p>
              The board stays in your libraries, your own and every shared one you belong to, whose members get the new links.
              Everyone else who had the old links loses access and is disconnected; send the new ones to whoever should keep it.
            </p>
          </ConfirmDialog>
        )
      }
    >
      <p className="share-hint small muted">Anyone with the view-only link can watch, never edit.</p>
      <CopyViewLinkButton viewId={board.viewId} describedBy={messageId} className="button small" onResult={setMessage} />
      <hr className="popover-divider" />
      <p className="share-hint small muted">Did a link reach someone it should not have? Resetting makes new ones.</p>
      <button
        type="button"
        className="button small danger-text"
        data-testid="reset-links"
        onClick={() => {
          setMessage(null);
          setConfirming(true);
        }}
      >
        Reset links…
      </button>
      <p id={messageId} className="share-message small" role="status" data-testid="share-message">
        {message}
      </p>
    </PopoverMenu>
  );
}

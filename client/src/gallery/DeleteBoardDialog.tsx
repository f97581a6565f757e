import { useEffect, useId, useRef, useState } from "react";
import type { Board } from "@whiteboard/shared";

/**
 * An in-page confirm. A modal `<dialog>` rather than `window.confirm`: it traps focus and
 * closes on Escape like one, but it is styled, and scripts and tests can drive it.
 */
export function DeleteBoardDialog({
  board,
  onConfirm,
  onCancel,
}: {
  board: Board;
  onConfirm: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function confirm() {
    setBusy(true);
    await onConfirm();
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog rather than the browser close it underneath us.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>Delete “{board.name}”?</h2>
      <p id={messageId} className="muted">
        The board and everything drawn on it will be gone for good. Anyone editing or watching it now is
        disconnected.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button danger" data-testid="confirm-delete" onClick={confirm} disabled={busy}>
          Delete board
        </button>
      </div>
    </dialog>
  );
}

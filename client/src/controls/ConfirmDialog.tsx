import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * An in-page confirm. A modal `<dialog>` rather than `window.confirm`: it traps focus and
 * closes on Escape like one, but it is styled, and scripts and tests can drive it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  confirmTestId,
  danger = true,
  onConfirm,
  onCancel,
}: {
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  confirmTestId: string;
  danger?: boolean;
  /** The dialog stays, its buttons disabled, until this settles; the caller then unmounts it. */
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
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
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
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={messageId} className="muted dialog-message">
        {children}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={danger ? "button danger" : "button primary"} data-testid={confirmTestId} onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

import { useEffect, useRef } from "react";
import { SHORTCUT_HELP } from "./shortcuts";

/** Every shortcut, in one dialog (`?` opens it, Esc or a click outside closes it). */
export function HelpPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog help-panel"
      data-testid="help-panel"
      aria-labelledby="help-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="help-head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="button ghost small" onClick={onClose} data-testid="help-close">
          Close
        </button>
      </div>
      <div className="help-groups">
        {SHORTCUT_HELP.map((group) => (
          <section key={group.group} className="help-group">
            <h3>{group.group}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.label + item.keys.join()} className="help-row">
                  <dt>
                    {item.keys.map((key, i) => (
                      <kbd key={i}>{key}</kbd>
                    ))}
                  </dt>
                  <dd>{item.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}

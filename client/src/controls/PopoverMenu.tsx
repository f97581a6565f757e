import { type ReactNode, useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";
import "./popover-menu.css";

/**
 * A toolbar button that opens a panel under it (the editor's "Share" and "Export"). The panel
 * closes as menus do (see `useDismiss`), unless `dismissible` is false, e.g. while a dialog
 * opened from it is up. Each menu places its panel with `--popover-left`, `--popover-right` and
 * `--popover-width` on its `panelClassName`.
 */
export function PopoverMenu({
  label,
  testid,
  panelLabel,
  className,
  panelClassName,
  dismissible = true,
  outside,
  children,
}: {
  /** The button's text. */
  label: string;
  testid: string;
  /** The panel's aria-label. */
  panelLabel: string;
  className: string;
  panelClassName: string;
  dismissible?: boolean;
  /** Rendered after the panel, shown whether it is open or not (a dialog opened from it). */
  outside?: ReactNode;
  /** The panel's content. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open && dismissible, rootRef, toggleRef, close);

  return (
    <div className={`popover-menu ${className}`} ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button small"
        data-testid={testid}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
      </button>
      <div id={panelId} className={`popover-panel ${panelClassName}`} role="group" aria-label={panelLabel} hidden={!open}>
        {children}
      </div>
      {outside}
    </div>
  );
}

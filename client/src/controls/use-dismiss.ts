import { type RefObject, useEffect } from "react";

/**
 * Closes an open popover the way menus close: a pointer down anywhere outside `root`, or Escape
 * (see `useCloseOnEscape`).
 */
export function useDismiss(
  open: boolean,
  root: RefObject<HTMLElement | null>,
  toggle: RefObject<HTMLElement | null>,
  close: () => void,
): void {
  useCloseOnEscape(open, toggle, close);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, root, close]);
}

/**
 * Escape closes an open panel and hands focus back to the button that opened it, so the keyboard
 * is not lost. Alone, for a panel that stays open while the user works beside it.
 */
export function useCloseOnEscape(open: boolean, toggle: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open, toggle, close]);
}

import type { Timers, Visibility } from "./poller";

/** The Page Visibility API as the poller's `Visibility`. */
export function documentVisibility(doc: Document): Visibility {
  return {
    isHidden: () => doc.visibilityState === "hidden",
    subscribe(onChange) {
      doc.addEventListener("visibilitychange", onChange);
      return () => doc.removeEventListener("visibilitychange", onChange);
    },
  };
}

/**
 * The window's timers. Wrapped rather than passed as `win.setTimeout`: called as a method of
 * another object, the browser's `setTimeout` throws "Illegal invocation".
 */
export function windowTimers(win: Window): Timers<number> {
  return {
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (handle) => win.clearTimeout(handle),
  };
}

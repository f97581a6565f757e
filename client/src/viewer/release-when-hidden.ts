/** The part of `document` this needs; tests pass a fake. */
export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

export interface ReleaseWhenHiddenOptions {
  page: PageVisibility;
  /** How long the page may stay hidden before it lets go (SPEC: at most 60 s). */
  delayMs: number;
  /** `setTimeout` returning its cancel. */
  schedule(callback: () => void, ms: number): () => void;
  /** The page has been hidden `delayMs`: close what it holds. */
  release(): void;
  /** Shown again after a release: open it again. */
  restore(): void;
}

/**
 * A hidden tab gives its connection back: HTTP/1.1 browsers allow six per origin, and every
 * viewer tab's `EventSource` holds one, so six viewer tabs would otherwise leave a seventh (and
 * the gallery) nothing. A tab hidden only briefly (switched away and back) keeps its stream.
 * Returns the way to stop watching.
 */
export function releaseWhenHidden(options: ReleaseWhenHiddenOptions): () => void {
  const { page, delayMs, schedule, release, restore } = options;
  let cancel: (() => void) | null = null;
  let released = false;

  const update = () => {
    if (page.visibilityState === "hidden") {
      if (released || cancel) return;
      cancel = schedule(() => {
        cancel = null;
        released = true;
        release();
      }, delayMs);
      return;
    }
    cancel?.();
    cancel = null;
    if (released) {
      released = false;
      restore();
    }
  };

  page.addEventListener("visibilitychange", update);
  update();
  return () => {
    page.removeEventListener("visibilitychange", update);
    cancel?.();
    cancel = null;
  };
}

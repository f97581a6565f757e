/** Whether the page is shown, and news when that changes (`document.visibilityState` in a browser). */
export interface Visibility {
  isHidden(): boolean;
  /** Calls `onChange` after each change; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/** The clock, passed in so a test can drive it and nothing here reaches for a global. */
export interface Timers<Handle> {
  setTimeout(callback: () => void, ms: number): Handle;
  clearTimeout(handle: Handle): void;
}

export interface PollerOptions<Handle> {
  /** One round trip. A rejection is not fatal: the next round retries. */
  poll: () => Promise<void>;
  intervalMs: number;
  visibility: Visibility;
  timers: Timers<Handle>;
}

export interface Poller {
  /** Polls at once (or as soon as the page is shown), then every interval while shown. */
  start(): void;
  /** Cancels the next round; a poll already in flight finishes but schedules nothing. */
  stop(): void;
  /**
   * Polls now and counts the interval from there: after the user's own change, so the list
   * shows it without waiting a minute. During a poll in flight, another runs as soon as that
   * one ends, since it may have been answered before the change landed.
   */
  pollNow(): void;
}

/**
 * Short polling that a hidden tab does not pay for. The next round is scheduled only when the
 * previous one has finished, so a slow server never sees two requests from one tab at once.
 */
export function createPoller<Handle>({ poll, intervalMs, visibility, timers }: PollerOptions<Handle>): Poller {
  let running = false;
  let inFlight = false;
  let pollAgain = false;
  let timer: { handle: Handle } | undefined;
  let unsubscribe: (() => void) | undefined;

  function cancelTimer(): void {
    if (timer) timers.clearTimeout(timer.handle);
    timer = undefined;
  }

  function scheduleNext(): void {
    cancelTimer();
    if (!running || visibility.isHidden()) return;
    timer = {
      handle: timers.setTimeout(() => {
        timer = undefined;
        if (!visibility.isHidden()) runPoll();
      }, intervalMs),
    };
  }

  function runPoll(): void {
    if (!running) return;
    if (inFlight) {
      pollAgain = true;
      return;
    }
    cancelTimer();
    inFlight = true;
    let round: Promise<void>;
    try {
      round = poll();
    } catch (error) {
      round = Promise.reject(error);
    }
    round
      // A failed round is only a missed update; the caller records the error if it wants to show it.
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (pollAgain) {
          pollAgain = false;
          runPoll();
        } else {
          scheduleNext();
        }
      });
  }

  function onVisibilityChange(): void {
    if (visibility.isHidden()) cancelTimer();
    // A poll in flight is as fresh as one started now, and its end schedules the next.
    else if (!inFlight) runPoll();
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = visibility.subscribe(onVisibilityChange);
      if (!visibility.isHidden()) runPoll();
    },
    stop() {
      running = false;
      pollAgain = false;
      cancelTimer();
      unsubscribe?.();
      unsubscribe = undefined;
    },
    pollNow() {
      runPoll();
    },
  };
}

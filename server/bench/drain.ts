import { now } from "./cursors/clock.js";
import { sleep } from "./sleep.js";

export interface DrainOutcome {
  /** From `since` to when the drain ended. */
  ms: number;
  /** Ended by `maxMs` while events were still arriving. */
  cut: boolean;
}

const POLL_MS = 50;

/**
 * Waits until `count()` (events received so far) has not moved for `quietMs`, or until `maxMs`
 * after `since`, whichever comes first: events sent at the end of the window may still be on
 * their way to the last viewers, but a server far behind must not keep the run going.
 */
export async function drain(count: () => number, since: number, quietMs: number, maxMs: number): Promise<DrainOutcome> {
  let last = count();
  let lastChange = now();
  for (;;) {
    await sleep(POLL_MS);
    const t = now();
    if (count() !== last) {
      last = count();
      lastChange = t;
    }
    if (t - lastChange >= quietMs) return { ms: t - since, cut: false };
    if (t - since >= maxMs) return { ms: t - since, cut: true };
  }
}

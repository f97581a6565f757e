import { now } from "../cursors/clock.js";

/**
 * Calls `tick(sendTime)` every `intervalMs` from a random phase after `start` until `end`; returns
 * a stop. Slots are absolute, so a late timer skips the slots it missed instead of drifting or
 * bunching sends up, and a random phase keeps editors out of lockstep, as people are.
 *
 * The slot is counted, not recomputed from the clock alone: Node fires a fractional delay
 * (33.3 ms) up to a millisecond early, and "the next slot after now" would then be the same slot
 * again, sending about 1.7 times the rate asked.
 */
export function everyInterval(start: number, end: number, intervalMs: number, tick: (t: number) => void): () => void {
  const phase = start + Math.random() * intervalMs;
  let slot = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    const t = now();
    if (t >= end) return;
    tick(t);
    const after = now();
    slot = Math.max(slot + 1, Math.ceil((after - phase) / intervalMs));
    timer = setTimeout(run, phase + slot * intervalMs - after);
  };
  timer = setTimeout(run, phase - now());
  return () => clearTimeout(timer);
}

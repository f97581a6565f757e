import type { Latency } from "./cursors/stats.js";
import type { LoopDelay } from "./loop-delay.js";

/** Milliseconds as every bench table prints them: one decimal below 100, none above. */
export function ms(value: number | undefined): string {
  if (value === undefined) return "-";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A percentile over received and never-received samples: ">X" when it falls among the unseen. */
export function latency(value: Latency): string {
  switch (value.kind) {
    case "value":
      return ms(value.ms);
    case "above":
      return `>${value.ms.toFixed(0)}`;
    case "none":
      return "-";
    default: {
      const unknown: never = value;
      return String(unknown);
    }
  }
}

/** `p50 / p99 / max` in one cell, so a row of three figures reads as one quantity. */
export function triple(cells: readonly [string, string, string]): string {
  return cells.join(" / ");
}

/** The server's event-loop delay over the window; n/a when the probe did not answer. */
export function loopDelayCell(delay: LoopDelay | undefined): string {
  return delay === undefined ? "n/a" : triple([ms(delay.p50Ms), ms(delay.p99Ms), ms(delay.maxMs)]);
}

/** For a row's notes: the GC pauses behind a loop delay. */
export function gcNote(delay: LoopDelay | undefined): string | undefined {
  if (delay === undefined || delay.gc.pauses === 0) return undefined;
  return `server GC in the window: ${delay.gc.pauses} pauses, ${ms(delay.gc.totalMs)} ms in all, the longest ${ms(delay.gc.maxMs)} ms`;
}

export const LOOP_DELAY_HEADER = "loop delay p50 / p99 / max ms";

export const LOOP_DELAY_LEGEND = `loop delay: the server's own event-loop delay over the window (node's monitorEventLoopDelay at 5 ms,
  preloaded with bench/loop-delay-probe.mjs): how late the loop came back to a due timer; a stall counts
  in every window it overlaps. Everything the server does for a client waits behind a stall this long.`;

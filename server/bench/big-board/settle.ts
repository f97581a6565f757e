/**
 * Waits for a server to go quiet after seeding: our server writes the seed to its log and then
 * compacts it into a snapshot, seconds of work that would otherwise land in the measured window
 * and be blamed on the live load. Quiet = under `busyPercent` of a core over one `stepMs`; bounded
 * by `maxMs`, after which the run goes on and the row says so.
 */
import { sampleProcess } from "../proc-stats.js";
import { sleep } from "../sleep.js";

export interface Settled {
  ms: number;
  /** False when `maxMs` passed with the server still busy (or its CPU time unreadable). */
  quiet: boolean;
}

export async function settle(pid: number | undefined, options: { busyPercent: number; stepMs: number; maxMs: number }): Promise<Settled> {
  const began = performance.now();
  let before = sampleProcess(pid);
  while (performance.now() - began < options.maxMs) {
    await sleep(options.stepMs);
    const after = sampleProcess(pid);
    if (before === undefined || after === undefined) return { ms: performance.now() - began, quiet: false };
    const percent = ((after.cpuSeconds - before.cpuSeconds) / (options.stepMs / 1000)) * 100;
    if (percent < options.busyPercent) return { ms: performance.now() - began, quiet: true };
    before = after;
  }
  return { ms: performance.now() - began, quiet: false };
}

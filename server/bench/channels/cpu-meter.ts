import { percentile } from "../cursors/stats.js";
import { threadCpuMs } from "./thread-cpu.js";

/**
 * The server's CPU read in gaps (thread-cpu.ts), and the robust averages the tables use over
 * them: an idle server spends about 2% of a core on the bench's loop-delay probe, steadily, plus
 * a garbage collection of 50-100 ms every several seconds, which would move a mean taken over a
 * few gaps by more than one change costs.
 */
export function cpuMeter(pid: number | undefined): () => number | undefined {
  let last = threadCpuMs(pid);
  return () => {
    const current = threadCpuMs(pid);
    const spent = current === undefined || last === undefined ? undefined : current - last;
    last = current;
    return spent;
  };
}

export function median(values: readonly number[]): number | undefined {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/** The mean of what is left once the lowest and highest `fraction` of the values are set aside. */
export function trimmedMean(values: readonly number[], fraction: number): number | undefined {
  const sorted = Float64Array.from(values).sort();
  const cut = Math.floor(sorted.length * fraction);
  const kept = sorted.subarray(cut, sorted.length - cut);
  return kept.length === 0 ? undefined : kept.reduce((sum, v) => sum + v, 0) / kept.length;
}

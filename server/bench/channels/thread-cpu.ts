import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of every thread of a process in milliseconds, from /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds on CPU), undefined where that cannot be read. proc-stats.ts reads /proc/<pid>/stat,
 * whose unit is a 10 ms clock tick: fine for a window of seconds at tens of percent, too coarse for
 * the cost of one change, which is a fraction of a millisecond for one client. The server's worker
 * threads (doc thread, compaction) are threads of its process and count too.
 */
export function threadCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // A thread that ended between the listing and the read: its time is gone with it.
      }
    }
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

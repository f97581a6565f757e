import { readFileSync } from "node:fs";

/**
 * CPU time and resident memory of a process, from Linux's /proc; undefined elsewhere, and the
 * table then shows "n/a" rather than a guess.
 */
export interface ProcSample {
  cpuSeconds: number;
  rssBytes: number;
}

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on. */
const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

export function sampleProcess(pid: number | undefined): ProcSample | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: split after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const rssPages = Number(fields[21]);
    if (![utime, stime, rssPages].every(Number.isFinite)) return undefined;
    return { cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND, rssBytes: rssPages * PAGE_BYTES };
  } catch {
    return undefined;
  }
}

/** CPU time of several processes together; undefined when any of them cannot be read. */
export function cpuSeconds(pids: ReadonlyArray<number | undefined>): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const sample = sampleProcess(pid);
    if (sample === undefined) return undefined;
    total += sample.cpuSeconds;
  }
  return total;
}

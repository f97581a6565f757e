import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Nice 10: under contention the scheduler gives a nice-0 thread about nine times the CPU of this
 * one, so the event loop that serves every editor and viewer wins the cores back the moment it
 * has work, and bulk work (applying or folding a board of tens of megabytes) uses what is left.
 */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority. On Linux a thread's id works as a process id
 * for setpriority, and `/proc/thread-self` names it; elsewhere this does nothing (the work still
 * runs off the event loop, only without the lower priority).
 */
export function runInBackground(): void {
  try {
    const threadOsId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(threadOsId) && threadOsId > 0) setPriority(threadOsId, BACKGROUND_NICE);
  } catch {
    // Not Linux, or not allowed: keep the default priority.
  }
}

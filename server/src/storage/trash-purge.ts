import type { Logger } from "pino";
import { TRASH_RETENTION_MS } from "@whiteboard/shared";
import type { Store } from "./store.js";

/**
 * Hourly is plenty for a seven-day retention: a board outlives its week by an hour at most, and
 * the job costs one indexed query when nothing is due.
 */
export const TRASH_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface TrashPurge {
  /** Purges what is due now; resolves with how many boards went. */
  run(): Promise<number>;
  stop(): void;
}

/** The server's own job that empties the trash of boards deleted more than seven days ago. */
export function startTrashPurge(store: Store, now: () => Date, logger: Logger, intervalMs = TRASH_PURGE_INTERVAL_MS): TrashPurge {
  const run = async () => {
    const purged = await store.purgeTrash(new Date(now().getTime() - TRASH_RETENTION_MS));
    if (purged > 0) logger.info({ purged }, "purged boards from the trash");
    return purged;
  };
  const tick = () => void run().catch((err) => logger.error({ err }, "trash purge failed; retrying next hour"));
  // Once at start (a server that was down for a week catches up), then on the interval.
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    run,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

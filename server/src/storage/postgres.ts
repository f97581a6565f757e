import type { Store } from "./store.js";
import { migrate } from "./postgres/migrations.js";
import { openPool } from "./postgres/pool.js";
import { postgresBoards } from "./postgres/boards.js";
import { postgresDocs } from "./postgres/docs.js";
import { postgresMembers } from "./postgres/members.js";
import { postgresLibraries } from "./postgres/libraries.js";
import { isTransient } from "./postgres/sql.js";
import { Compactor } from "../compaction/compactor.js";
import { type RetryPolicy, retrying } from "./retrying.js";

/**
 * Connections the event loop's pool opens at most. Every statement is short (the long reads and
 * writes of whole boards are the worker's, on its own pool), so a few serve many rooms.
 */
const POOL_CONNECTIONS = 10;

/** A deadlock or serialisation failure rolled the call back whole: it is made again at once. */
const WHEN_ROLLED_BACK: RetryPolicy = { transient: isTransient, giveUpMs: 10_000, retryMs: 0 };

/**
 * The shared store: PostgreSQL at `url`, for any number of instances at once. It is the record
 * and the order: an update is committed, under its board's next sequence number, before anyone
 * is sent it. Migrates the schema before resolving; rejects if the database cannot be reached or
 * was written by a newer server.
 */
export async function openPostgresStore(url: string, now: () => Date = () => new Date()): Promise<Store> {
  const pool = openPool(url, { max: POOL_CONNECTIONS });
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const compactor = new Compactor({ entry: "postgres-worker", data: { url } });
  let closing: Promise<void> | undefined;
  const store: Store = {
    ...postgresBoards(pool, now),
    ...postgresDocs(pool, now, compactor),
    ...postgresMembers(pool, now),
    ...postgresLibraries(pool, now),
    close() {
      // Once: the pool refuses a second end.
      closing ??= compactor.close().then(() => pool.end());
      return closing;
    },
  };
  return retrying(store, WHEN_ROLLED_BACK);
}

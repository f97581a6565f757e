import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Store } from "./store.js";
import { migrate } from "./sqlite/migrations.js";
import { sqliteBoards } from "./sqlite/boards.js";
import { sqliteDocs } from "./sqlite/docs.js";
import { sqliteMembers } from "./sqlite/members.js";
import { sqliteLibraries } from "./sqlite/libraries.js";
import { Compactor } from "../compaction/compactor.js";

export const DATABASE_FILE = "whiteboard.sqlite";

/**
 * The embedded store: one SQLite file in the data directory, in WAL mode so readers never wait
 * for the writer. Every change a library's members would see bumps that library's version in
 * the same transaction, so a member's ETag and their list cannot disagree.
 */
export function openSqliteStore(dataDir: string, now: () => Date = () => new Date()): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last
  // transactions, and it never corrupts the file.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // None on purpose: better-sqlite3 waits for a lock synchronously, on the event loop, and the
  // compaction worker may hold the write lock for the length of a large snapshot's write (a
  // 50,000-stroke board is 55 MB). A write that finds the lock taken is retried on a timer.
  db.pragma("busy_timeout = 0");
  migrate(db);
  // Once the compaction worker runs, it checkpoints the WAL (see compaction/worker.ts); until
  // then the default automatic checkpoints keep the WAL bounded.
  const compactor = new Compactor(file, () => db.open && db.pragma("wal_autocheckpoint = 0"));

  const store: Store = {
    ...sqliteBoards(db, now),
    ...sqliteDocs(db, now, compactor),
    ...sqliteMembers(db, now),
    ...sqliteLibraries(db, now),
    async close() {
      await compactor.close();
      if (db.open) db.close();
    },
  };
  return retryingWhenBusy(store);
}

/** How long a write keeps retrying before its caller gets the error (the old synchronous bound). */
const BUSY_GIVE_UP_MS = 10_000;
const BUSY_RETRY_MS = 5;

/**
 * Every store call, retried while SQLite answers SQLITE_BUSY: each attempt is a whole
 * transaction (all or nothing), so trying again is safe, and waiting between attempts with a
 * timer leaves the event loop free for everything else while the worker writes.
 */
function retryingWhenBusy(store: Store): Store {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    wrapped[name] = async (...args: unknown[]) => {
      const giveUpAt = Date.now() + BUSY_GIVE_UP_MS;
      for (;;) {
        try {
          return await method(...args);
        } catch (err) {
          if ((err as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() > giveUpAt) throw err;
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
        }
      }
    };
  }
  return wrapped as unknown as Store;
}

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
import { errorCode, type RetryPolicy, retrying } from "./retrying.js";

export const DATABASE_FILE = "whiteboard.sqlite";

/**
 * SQLITE_BUSY: another connection (the compaction worker) holds the write lock. Retried on a
 * timer for as long as the old synchronous busy timeout waited.
 */
const WHEN_BUSY: RetryPolicy = { transient: (err) => errorCode(err) === "SQLITE_BUSY", giveUpMs: 10_000, retryMs: 5 };

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
  // Once the compaction worker runs, it checkpoints the WAL (see compaction/sqlite-worker.ts);
  // until then the default automatic checkpoints keep the WAL bounded.
  const compactor = new Compactor({ entry: "sqlite-worker", data: { databaseFile: file } }, () =>
    db.open && db.pragma("wal_autocheckpoint = 0"),
  );

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
  return retrying(store, WHEN_BUSY);
}

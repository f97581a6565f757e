/**
 * The SQLite store's worker: its own thread and its own SQLite connection, so the event loop
 * that serves editors and viewers never decodes or encodes a whole board, nor writes its snapshot.
 */
import { workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { foldLog, openBoard } from "../storage/sqlite/fold.js";
import type { SqliteWorkerData } from "./protocol.js";
import { serveWorkerRequests } from "./serve.js";
import { runInBackground } from "../threads/background-priority.js";

// Bulk work: it yields the cores to the event loop that serves everyone (see the function).
runInBackground();

/**
 * The main connection leaves checkpoints to this thread (`wal_autocheckpoint = 0` there): copying
 * a large snapshot from the WAL into the database file would otherwise stall whichever commit
 * triggered it. A passive checkpoint never waits for readers or writers.
 */
const CHECKPOINT_INTERVAL_MS = 5_000;

const { databaseFile } = workerData as SqliteWorkerData;
const db = new Database(databaseFile);
db.pragma("busy_timeout = 10000");
db.pragma("foreign_keys = ON");

const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
setInterval(checkpoint, CHECKPOINT_INTERVAL_MS).unref();

serveWorkerRequests({
  fold(boardKey, throughSeq) {
    const folded = foldLog(db, boardKey, throughSeq);
    checkpoint();
    return folded;
  },
  open: (boardKey) => openBoard(db, boardKey),
  close() {
    checkpoint();
    db.close();
  },
});

/**
 * The compaction worker: its own thread and its own SQLite connection, so the event loop that
 * serves editors and viewers never decodes or encodes a whole board, nor writes its snapshot.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { foldLog } from "./fold.js";
import type { CompactRequest, CompactResponse, CompactionWorkerData } from "./protocol.js";

/**
 * The main connection leaves checkpoints to this thread (`wal_autocheckpoint = 0` there): copying
 * a large snapshot from the WAL into the database file would otherwise stall whichever commit
 * triggered it. A passive checkpoint never waits for readers or writers.
 */
const CHECKPOINT_INTERVAL_MS = 5_000;

const { databaseFile } = workerData as CompactionWorkerData;
const db = new Database(databaseFile);
db.pragma("busy_timeout = 10000");
db.pragma("foreign_keys = ON");

const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
setInterval(checkpoint, CHECKPOINT_INTERVAL_MS).unref();

parentPort!.on("message", (request: CompactRequest | "close") => {
  if (request === "close") {
    checkpoint();
    db.close();
    parentPort!.close();
    return;
  }
  let response: CompactResponse;
  try {
    response = { id: request.id, ok: true, ...foldLog(db, request.boardKey, request.throughSeq) };
    checkpoint();
  } catch (err) {
    response = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(response);
});

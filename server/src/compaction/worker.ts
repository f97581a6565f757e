/**
 * The compaction worker: its own thread and its own SQLite connection, so the event loop that
 * serves editors and viewers never decodes or encodes a whole board, nor writes its snapshot.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { DamagedDataError, foldLog, openBoard } from "./fold.js";
import type { CompactionWorkerData, WorkerRequest, WorkerResponse } from "./protocol.js";
import { runInBackground } from "../threads/background-priority.js";

// Bulk work: it yields the cores to the event loop that serves everyone (see the function).
runInBackground();

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

parentPort!.on("message", (request: WorkerRequest | "close") => {
  if (request === "close") {
    checkpoint();
    db.close();
    parentPort!.close();
    return;
  }
  let response: WorkerResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    switch (request.kind) {
      case "fold":
        response = { id: request.id, ok: true, fold: foldLog(db, request.boardKey, request.throughSeq) };
        checkpoint();
        break;
      case "open": {
        const opened = openBoard(db, request.boardKey);
        // Moved, not copied: a large board's state is tens of megabytes.
        if (opened) transfer.push(opened.state.buffer as ArrayBuffer);
        response = { id: request.id, ok: true, open: opened };
        break;
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (err) {
    response = {
      id: request.id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      ...(err instanceof DamagedDataError ? { damaged: err.part } : {}),
    };
  }
  parentPort!.postMessage(response, transfer);
});

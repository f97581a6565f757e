/**
 * The PostgreSQL store's worker: its own thread and its own pool. It reads the rows itself,
 * rather than being handed them by the main thread, because the driver's decoding of bytea (hex
 * text, twice the stored size) is itself work proportional to the board: done on the event
 * loop, opening a 50 MB board would stall every other board for as long as a merge would.
 */
import { workerData } from "node:worker_threads";
import { foldLog, openBoard } from "../storage/postgres/fold.js";
import { openPool } from "../storage/postgres/pool.js";
import type { PostgresWorkerData } from "./protocol.js";
import { serveWorkerRequests } from "./serve.js";
import { runInBackground } from "../threads/background-priority.js";

// Bulk work: it yields the cores to the event loop that serves everyone (see the function).
runInBackground();

/** An open and a fold at once (the compactor runs one fold per board; opens are rarer). */
const WORKER_CONNECTIONS = 2;

const { url } = workerData as PostgresWorkerData;
const pool = openPool(url, { max: WORKER_CONNECTIONS });

serveWorkerRequests({
  fold: (boardKey, throughSeq) => foldLog(pool, boardKey, throughSeq),
  open: (boardKey) => openBoard(pool, boardKey),
  close: () => pool.end(),
});

/**
 * Messages between a store and its document worker: folds (compaction) and opens (reading a
 * board and merging it into one update for a room to load). One fold at a time per board within
 * a process (the compactor serialises them); answers by id.
 */
import type { CompactResult, OpenedDoc } from "../storage/store.js";

export type WorkerRequest =
  | {
      id: number;
      kind: "fold";
      boardKey: string;
      /** Fold the log rows with `seq <= throughSeq` into the snapshot; later rows stay. */
      throughSeq: number;
    }
  | { id: number; kind: "open"; boardKey: string };

export type FoldResult = CompactResult;

/** A board read and merged, and the thread that did it (tests check it is not the loop's). */
export interface OpenResult extends OpenedDoc {
  threadId: number;
}

export type WorkerResponse =
  | { id: number; ok: true; fold: FoldResult }
  | { id: number; ok: true; open: OpenResult | undefined }
  | { id: number; ok: false; message: string; damaged?: string };

/** What the SQLite worker is started with (`workerData`): the database file it opens itself. */
export interface SqliteWorkerData {
  databaseFile: string;
}

/** What the PostgreSQL worker is started with: the database it connects to itself. */
export interface PostgresWorkerData {
  url: string;
}

/** Which worker a compactor starts, beside this file, and with what. */
export type CompactionThread =
  | { entry: "sqlite-worker"; data: SqliteWorkerData }
  | { entry: "postgres-worker"; data: PostgresWorkerData };

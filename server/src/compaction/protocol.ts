/**
 * Messages between the store and its document worker: folds (compaction) and opens (reading a
 * board and merging it into one update for a room to load). One fold at a time per board (the
 * compactor serialises them); answers by id.
 */
export type WorkerRequest =
  | {
      id: number;
      kind: "fold";
      boardKey: string;
      /** Fold the log rows with `seq <= throughSeq` into the snapshot; later rows stay. */
      throughSeq: number;
    }
  | { id: number; kind: "open"; boardKey: string };

export interface FoldResult {
  /** The thread that did the work: the worker's, never the event loop's. */
  threadId: number;
  snapshotBytes: number;
  foldedRows: number;
  foldedBytes: number;
}

/** A board read and merged: the whole document as one update, and what its log holds. */
export interface OpenResult {
  threadId: number;
  state: Uint8Array;
  lastSeq: number;
  loggedUpdates: number;
  loggedBytes: number;
  snapshotBytes: number;
}

export type WorkerResponse =
  | { id: number; ok: true; fold: FoldResult }
  | { id: number; ok: true; open: OpenResult | undefined }
  | { id: number; ok: false; message: string; damaged?: string };

/** What the worker is started with (`workerData`). */
export interface CompactionWorkerData {
  databaseFile: string;
}

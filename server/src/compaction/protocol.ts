/**
 * Messages between the store and its compaction worker. One request at a time per board (the
 * compactor serialises them), answered by id.
 */
export interface CompactRequest {
  id: number;
  boardKey: string;
  /** Fold the log rows with `seq <= throughSeq` into the snapshot; later rows stay. */
  throughSeq: number;
}

export type CompactResponse =
  | { id: number; ok: true; threadId: number; snapshotBytes: number; foldedRows: number; foldedBytes: number }
  | { id: number; ok: false; message: string };

/** What the worker is started with (`workerData`). */
export interface CompactionWorkerData {
  databaseFile: string;
}

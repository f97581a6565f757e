import type { Database } from "better-sqlite3";
import type { FoldResult, OpenResult } from "../../compaction/protocol.js";
import { mergeForFold, mergeForOpen, nothingFolded } from "../../compaction/merge.js";
import { readSnapshot, writeSnapshot } from "./snapshot-parts.js";

/**
 * Reads a board (snapshot and log, in one read transaction) and merges it into one update, on
 * the connection given (the worker's own). Undefined when no such board.
 */
export function openBoard(db: Database, boardKey: string): OpenResult | undefined {
  const read = db.transaction(() => {
    if (!db.prepare(`SELECT 1 FROM boards WHERE key = ?`).get(boardKey)) return undefined;
    const snapshot = readSnapshot(db, boardKey);
    const rows = db
      .prepare<[string], { seq: number; data: Buffer }>(`SELECT seq, data FROM board_updates WHERE board_key = ? ORDER BY seq`)
      .all(boardKey);
    return { snapshot, rows };
  });
  const stored = read();
  return stored && mergeForOpen(stored.snapshot, stored.rows);
}

/**
 * Folds a board's log rows `seq <= throughSeq` into its snapshot, on the connection given (the
 * worker's own). Correct while updates keep arriving: the rows it folds are immutable once
 * written (only this deletes them, one fold per board at a time), it reads them in one read
 * transaction, builds and encodes with no lock held, and writes the new snapshot a part at a time
 * (snapshot-parts.ts), the last part in one short transaction that makes it current and deletes
 * exactly the rows it read. Later rows stay for the next fold.
 * Idempotent: folding again through the same sequence finds nothing new.
 */
export function foldLog(db: Database, boardKey: string, throughSeq: number): FoldResult {
  const read = db.transaction(() => {
    const snapshot = readSnapshot(db, boardKey);
    const rows = db
      .prepare<[string, number], { seq: number; data: Buffer }>(
        `SELECT seq, data FROM board_updates WHERE board_key = ? AND seq <= ? ORDER BY seq`,
      )
      .all(boardKey, throughSeq);
    return { snapshot, rows };
  });
  const { snapshot, rows } = read();
  if (rows.length === 0) return nothingFolded(snapshot?.byteLength ?? 0);

  const { encoded, result } = mergeForFold(snapshot, rows);
  const lastFolded = rows.at(-1)!.seq;
  writeSnapshot(db, boardKey, encoded, () => {
    db.prepare(`DELETE FROM board_updates WHERE board_key = ? AND seq <= ?`).run(boardKey, lastFolded);
  });
  return result;
}

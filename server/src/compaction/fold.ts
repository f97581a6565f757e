import type { Database } from "better-sqlite3";
import { threadId } from "node:worker_threads";
import * as Y from "yjs";

import type { FoldResult, OpenResult } from "./protocol.js";
import { readSnapshot, writeSnapshot } from "../storage/sqlite/snapshot-parts.js";

export type Folded = FoldResult;

/** Stored bytes Yjs rejects, and which of them. */
export class DamagedDataError extends Error {
  constructor(readonly part: string) {
    super(`${part} is not a Yjs update`);
  }
}

/**
 * Reads a board (snapshot and log, in one read transaction) and merges it into one update, so
 * the room's event loop applies one update instead of reading and replaying the log, and hands
 * newcomers these same bytes instead of encoding the board again. Undefined when no such board.
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
  if (!stored) return undefined;
  const doc = new Y.Doc();
  let part = "the snapshot";
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const row of stored.rows) {
        part = `logged update ${row.seq}`;
        Y.applyUpdate(doc, row.data);
      }
    });
  } catch {
    throw new DamagedDataError(part);
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return {
    threadId,
    state,
    lastSeq: stored.rows.at(-1)?.seq ?? 0,
    loggedUpdates: stored.rows.length,
    loggedBytes: stored.rows.reduce((sum, row) => sum + row.data.byteLength, 0),
    snapshotBytes: stored.snapshot?.byteLength ?? 0,
  };
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
export function foldLog(db: Database, boardKey: string, throughSeq: number): Folded {
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
  if (rows.length === 0) return { threadId, snapshotBytes: snapshot?.byteLength ?? 0, foldedRows: 0, foldedBytes: 0 };

  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const row of rows) Y.applyUpdate(doc, row.data);
  });
  const encoded = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const lastFolded = rows.at(-1)!.seq;

  writeSnapshot(db, boardKey, encoded, () => {
    db.prepare(`DELETE FROM board_updates WHERE board_key = ? AND seq <= ?`).run(boardKey, lastFolded);
  });
  return {
    threadId,
    snapshotBytes: encoded.byteLength,
    foldedRows: rows.length,
    foldedBytes: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
  };
}

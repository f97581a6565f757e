import { threadId } from "node:worker_threads";
import * as Y from "yjs";
import type { FoldResult, OpenResult } from "./protocol.js";

/** Stored bytes Yjs rejects, and which of them. */
export class DamagedDataError extends Error {
  constructor(readonly part: string) {
    super(`${part} is not a Yjs update`);
  }
}

/** A logged update as any store reads it back. */
export interface LoggedRow {
  seq: number;
  data: Uint8Array;
}

/**
 * Snapshot and log applied to one doc, encoded again as one update: what every store's worker
 * does, whatever it reads from. Applying (rather than `Y.mergeUpdates`) validates each part,
 * so damage is found here and named, and drops deleted content, so the result is smaller.
 */
function rebuild(snapshot: Uint8Array | undefined, rows: readonly LoggedRow[]): Uint8Array {
  const doc = new Y.Doc();
  let part = "the snapshot";
  try {
    try {
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot);
        for (const row of rows) {
          part = `logged update ${row.seq}`;
          Y.applyUpdate(doc, row.data);
        }
      });
    } catch {
      throw new DamagedDataError(part);
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const bytesOf = (rows: readonly LoggedRow[]) => rows.reduce((sum, row) => sum + row.data.byteLength, 0);

/**
 * A board opened: the whole document as one update, so the room's event loop applies one update
 * instead of reading and replaying the log, and hands newcomers these same bytes.
 */
export function mergeForOpen(snapshot: Uint8Array | undefined, rows: readonly LoggedRow[]): OpenResult {
  return {
    threadId,
    state: rebuild(snapshot, rows),
    lastSeq: rows.at(-1)?.seq ?? 0,
    loggedUpdates: rows.length,
    loggedBytes: bytesOf(rows),
    snapshotBytes: snapshot?.byteLength ?? 0,
  };
}

/** The new snapshot once `rows` are folded into `snapshot`, with what the fold result reports. */
export function mergeForFold(snapshot: Uint8Array | undefined, rows: readonly LoggedRow[]): { encoded: Uint8Array; result: FoldResult } {
  const encoded = rebuild(snapshot, rows);
  return {
    encoded,
    result: { threadId, snapshotBytes: encoded.byteLength, foldedRows: rows.length, foldedBytes: bytesOf(rows) },
  };
}

/** A fold that found nothing to fold: the snapshot stays as it is. */
export function nothingFolded(snapshotBytes: number): FoldResult {
  return { threadId, snapshotBytes, foldedRows: 0, foldedBytes: 0 };
}

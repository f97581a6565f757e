import type { Database } from "better-sqlite3";

/**
 * A board's snapshot is stored in parts of at most this many bytes, each written in a
 * transaction of its own: SQLite has one writer, and a 55 MB snapshot written in one
 * transaction holds the write lock for 100-300 ms, during which no other board's update can be
 * committed (and so none forwarded). A part holds it for a millisecond or two.
 */
export const SNAPSHOT_PART_BYTES = 1024 * 1024;

/**
 * The board's current snapshot, joined from its parts, or undefined when it has none. Parts of
 * another generation (a newer one still being written, or one a crash cut short) are never read.
 * Call inside the caller's read transaction, so the parts and the log rows read with them agree.
 */
export function readSnapshot(db: Database, boardKey: string): Buffer | undefined {
  const parts = db
    .prepare<[string], { data: Buffer }>(
      `SELECT p.data FROM board_snapshot_parts p JOIN boards b ON b.key = p.board_key AND p.generation = b.snapshot_generation
       WHERE p.board_key = ? ORDER BY p.part`,
    )
    .all(boardKey);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0]!.data : Buffer.concat(parts.map((p) => p.data));
}

/**
 * Stores `bytes` as the board's new snapshot. Every part but the last is written in a short
 * transaction of its own, under a generation no reader looks at yet; the last part goes in one
 * final transaction that also makes the new generation current, drops every other generation's
 * parts, and runs `alsoInFinal` (the fold deletes the log rows it folded there). Until that
 * commits, readers see the old snapshot and the old rows; after it, the new ones: a crash in
 * between leaves parts no one reads, dropped by the next write. One writer per board at a time
 * (the room runs one fold at a time).
 */
export function writeSnapshot(
  db: Database,
  boardKey: string,
  bytes: Uint8Array,
  alsoInFinal: () => void,
  /** Called after each part but the last has committed (tests: others may write meanwhile). */
  afterPart?: (index: number) => void,
): void {
  const generation =
    (db
      .prepare<[string, string], { next: number }>(
        `SELECT max(coalesce((SELECT max(generation) FROM board_snapshot_parts WHERE board_key = ?), 0),
                    (SELECT snapshot_generation FROM boards WHERE key = ?)) + 1 AS next`,
      )
      .get(boardKey, boardKey)?.next ?? 1);
  const insert = db.prepare<[string, number, number, Uint8Array]>(
    `INSERT INTO board_snapshot_parts (board_key, generation, part, data) VALUES (?, ?, ?, ?)`,
  );
  const count = Math.max(1, Math.ceil(bytes.byteLength / SNAPSHOT_PART_BYTES));
  const part = (index: number) => bytes.subarray(index * SNAPSHOT_PART_BYTES, (index + 1) * SNAPSHOT_PART_BYTES);
  try {
    for (let index = 0; index < count - 1; index++) {
      db.transaction(() => insert.run(boardKey, generation, index, part(index))).immediate();
      afterPart?.(index);
    }
    db.transaction(() => {
      insert.run(boardKey, generation, count - 1, part(count - 1));
      db.prepare(`UPDATE boards SET snapshot_generation = ? WHERE key = ?`).run(generation, boardKey);
      db.prepare(`DELETE FROM board_snapshot_parts WHERE board_key = ? AND generation <> ?`).run(boardKey, generation);
      alsoInFinal();
    }).immediate();
  } catch (err) {
    // Nothing of this generation is current: its parts only take space (a full disk, say).
    try {
      db.prepare(`DELETE FROM board_snapshot_parts WHERE board_key = ? AND generation = ?`).run(boardKey, generation);
    } catch {
      // The next write drops them.
    }
    throw err;
  }
}

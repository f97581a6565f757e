import type { Pool } from "pg";
import type { FoldResult, OpenResult } from "../../compaction/protocol.js";
import { mergeForFold, mergeForOpen, nothingFolded } from "../../compaction/merge.js";
import { FOLD_LOCK_NAMESPACE } from "./advisory-locks.js";
import { readBoard, readLog, readSnapshot } from "./doc-reads.js";
import { inTransaction } from "./sql.js";

/** Reads a board in one consistent read and merges it into one update. Undefined when none. */
export async function openBoard(pool: Pool, boardKey: string): Promise<OpenResult | undefined> {
  const stored = await readBoard(pool, boardKey);
  return stored && mergeForOpen(stored.snapshot, stored.rows);
}

/**
 * Folds a board's log rows `seq <= throughSeq` into its snapshot, for any number of instances
 * sharing the database. The fold takes the board's advisory lock for its transaction, without
 * waiting: if another instance holds it, that one is folding already, and this one yields at
 * once (`foldingElsewhere`) rather than queue a second fold of the same rows. Under the lock no
 * one else writes the snapshot or deletes rows, so reading them in READ COMMITTED is stable.
 *
 * The transaction stays open while this thread merges, which blocks nobody: writers append rows
 * with higher sequence numbers and touch neither the snapshot row nor the rows read here, and
 * readers see the old snapshot and rows until the commit replaces both at once. It deletes only
 * the rows it read, so rows written meanwhile stay, and folding again through the same
 * sequence finds nothing: idempotent.
 */
export function foldLog(pool: Pool, boardKey: string, throughSeq: number): Promise<FoldResult> {
  return inTransaction(pool, async (sql) => {
    const { rows: lock } = await sql.query<{ acquired: boolean }>(
      `SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS acquired`,
      [FOLD_LOCK_NAMESPACE, boardKey],
    );
    if (!lock[0]!.acquired) {
      const { rows } = await sql.query<{ bytes: number }>(`SELECT octet_length(data) AS bytes FROM board_snapshots WHERE board_key = $1`, [
        boardKey,
      ]);
      return { ...nothingFolded(rows[0]?.bytes ?? 0), foldingElsewhere: true };
    }
    const snapshot = await readSnapshot(sql, boardKey);
    const rows = await readLog(sql, boardKey, throughSeq);
    if (rows.length === 0) return nothingFolded(snapshot?.byteLength ?? 0);

    const { encoded, result } = mergeForFold(snapshot, rows);
    const lastFolded = rows.at(-1)!.seq;
    await sql.query(
      `INSERT INTO board_snapshots (board_key, through_seq, data) VALUES ($1, $2, $3)
       ON CONFLICT (board_key) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data`,
      [boardKey, lastFolded, encoded],
    );
    await sql.query(`DELETE FROM board_updates WHERE board_key = $1 AND seq <= $2`, [boardKey, lastFolded]);
    return result;
  });
}

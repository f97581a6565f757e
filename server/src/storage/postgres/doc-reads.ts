import type { Pool } from "pg";
import type { LoggedRow } from "../../compaction/merge.js";
import { inTransaction, type Sql } from "./sql.js";

/**
 * How much of a snapshot one statement reads. The driver receives bytea as hex text, so a value
 * becomes a JavaScript string twice its size before it is a Buffer: read whole, a snapshot past
 * about 256 MB would exceed V8's longest string, and every read would hold two copies at once.
 * `substring` on an uncompressed out-of-line value (STORAGE EXTERNAL, see migrations.ts) fetches
 * only the chunks it needs, so reading in pieces costs no more than reading whole.
 */
export const SNAPSHOT_READ_BYTES = 8 * 1024 * 1024;

/** The board's snapshot, or undefined. Inside the caller's transaction, to agree with the log. */
export async function readSnapshot(sql: Sql, boardKey: string): Promise<Buffer | undefined> {
  const { rows } = await sql.query<{ bytes: number }>(`SELECT octet_length(data) AS bytes FROM board_snapshots WHERE board_key = $1`, [
    boardKey,
  ]);
  if (!rows[0]) return undefined;
  const total = rows[0].bytes;
  if (total <= SNAPSHOT_READ_BYTES) {
    return (await sql.query<{ data: Buffer }>(`SELECT data FROM board_snapshots WHERE board_key = $1`, [boardKey])).rows[0]!.data;
  }
  const parts: Buffer[] = [];
  for (let offset = 0; offset < total; offset += SNAPSHOT_READ_BYTES) {
    const { rows: part } = await sql.query<{ data: Buffer }>(
      // substring counts from 1.
      `SELECT substring(data FROM $2 FOR $3) AS data FROM board_snapshots WHERE board_key = $1`,
      [boardKey, offset + 1, SNAPSHOT_READ_BYTES],
    );
    parts.push(part[0]!.data);
  }
  return Buffer.concat(parts, total);
}

/** The board's logged updates in order, those with `seq <= throughSeq` when given. */
export async function readLog(sql: Sql, boardKey: string, throughSeq = Number.MAX_SAFE_INTEGER): Promise<LoggedRow[]> {
  const { rows } = await sql.query<{ seq: string; data: Buffer }>(
    `SELECT seq, data FROM board_updates WHERE board_key = $1 AND seq <= $2 ORDER BY seq`,
    [boardKey, throughSeq],
  );
  // bigint arrives as text: sequence numbers stay far below 2^53.
  return rows.map((row) => ({ seq: Number(row.seq), data: row.data }));
}

/**
 * A board's snapshot and log as one consistent read, or undefined when there is no such board.
 * REPEATABLE READ: a fold committing between the two reads would otherwise leave the old
 * snapshot beside a log already without the rows folded into the new one.
 */
export function readBoard(pool: Pool, boardKey: string): Promise<{ snapshot: Buffer | undefined; rows: LoggedRow[] } | undefined> {
  return inTransaction(
    pool,
    async (sql) => {
      if ((await sql.query(`SELECT 1 FROM boards WHERE key = $1`, [boardKey])).rowCount === 0) return undefined;
      return { snapshot: await readSnapshot(sql, boardKey), rows: await readLog(sql, boardKey) };
    },
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
}

import type { Pool } from "pg";
import type { DocStore } from "../store.js";
import type { Compactor } from "../../compaction/compactor.js";
import { bumpLibrariesSql } from "./boards.js";
import { readBoard } from "./doc-reads.js";

/**
 * Updates sent as parameters of their own go over the wire as raw bytes; a `bytea[]` parameter
 * is sent as hex text, twice the size and built on the event loop. Past this many (PostgreSQL
 * takes at most 65,535 parameters, and a batch this large only follows a long stall) the batch
 * goes as one array.
 */
const MAX_UPDATE_PARAMETERS = 1_000;

/**
 * One statement, so one round trip and one implicit transaction: the board's row is updated
 * first, which takes its lock (writers of one board, from any instance, queue there and commit
 * in sequence order) and hands out `head_seq + 1 .. head_seq + n` with no gaps; the rows are
 * inserted under those numbers; the libraries showing the board are bumped in id order (see
 * `bumpLibrariesSql`). No row comes back when the board does not exist, and nothing is written.
 */
function appendStatement(updateCount: number): string {
  const data =
    updateCount > 0 && updateCount <= MAX_UPDATE_PARAMETERS
      ? `ARRAY[${Array.from({ length: updateCount }, (_, i) => `$${i + 4}::bytea`).join(", ")}]`
      : `$4::bytea[]`;
  return `
    WITH head AS (
      UPDATE boards SET head_seq = head_seq + cardinality(${data}), updated_at = $2, element_count = $3
       WHERE key = $1 RETURNING head_seq
    ), logged AS (
      INSERT INTO board_updates (board_key, seq, data)
      SELECT $1, head.head_seq - cardinality(${data}) + u.ord, u.data
        FROM head, unnest(${data}) WITH ORDINALITY AS u (data, ord)
    ), bumped AS (
      ${bumpLibrariesSql("board_key = $1 AND EXISTS (SELECT 1 FROM head)")}
    )
    SELECT head_seq FROM head`;
}

/** Each board's document: a log of Yjs updates numbered per board, folded now and then into a snapshot. */
export function postgresDocs(pool: Pool, now: () => Date, compactor: Compactor): DocStore {
  return {
    async loadDoc(key) {
      const stored = await readBoard(pool, key);
      if (!stored) return undefined;
      return {
        snapshot: stored.snapshot && new Uint8Array(stored.snapshot),
        updates: stored.rows.map((row) => new Uint8Array(row.data)),
        lastSeq: stored.rows.at(-1)?.seq ?? 0,
      };
    },
    async appendUpdates(key, updates, elementCount) {
      const asParameters = updates.length > 0 && updates.length <= MAX_UPDATE_PARAMETERS;
      const values = [key, now(), elementCount, ...(asParameters ? updates : [updates])];
      const { rows } = await pool.query<{ head_seq: string }>(appendStatement(updates.length), values);
      if (!rows[0]) throw new Error(`no board ${key}: its updates were not stored`);
      return Number(rows[0].head_seq);
    },
    openDoc(key) {
      return compactor.open(key);
    },
    compactDoc(key, throughSeq) {
      return compactor.compact(key, throughSeq);
    },
  };
}

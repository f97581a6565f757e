import type { Pool } from "pg";
import type { BoardRecord, BoardStore } from "../store.js";
import { newId } from "../ids.js";
import { BOARD_COLUMNS, type BoardRow as GenericBoardRow, boardRecord, newBoardRow } from "../board-row.js";
import { inTransaction, type Sql } from "./sql.js";

export type BoardRow = GenericBoardRow<Date>;

export const toBoardRecord = (row: BoardRow): BoardRecord => boardRecord(row, (time) => time.toISOString());

/**
 * Locks the libraries holding the boards whose entries match `entries` (a condition on
 * `library_entries`), and `alsoLibrary` when given, in id order, then bumps their versions. A
 * member's ETag is built from those versions, so whatever the members would see change about a
 * board bumps them in the same transaction. The order matters here, unlike under SQLite's single
 * writer: two boards in the same two libraries, edited at once from two connections, would
 * otherwise lock those rows in opposite orders and deadlock. A statement to run alone or embed.
 */
export function bumpLibrariesSql(entries: string, alsoLibrary?: string): string {
  const also = alsoLibrary ? ` OR id = ${alsoLibrary}` : "";
  return `
    WITH locked AS (
      SELECT id FROM libraries
       WHERE id IN (SELECT library_id FROM library_entries WHERE ${entries})${also}
       ORDER BY id FOR NO KEY UPDATE
    )
    UPDATE libraries SET version = version + 1 WHERE id IN (SELECT id FROM locked)`;
}

const BUMP_LIBRARIES_OF_BOARD = bumpLibrariesSql("board_key = $1");

async function bumpLibrariesOf(sql: Sql, boardKey: string): Promise<void> {
  await sql.query(BUMP_LIBRARIES_OF_BOARD, [boardKey]);
}

/** Boards: metadata, the trash, and their capabilities. */
export function postgresBoards(pool: Pool, now: () => Date): BoardStore {
  const one = async (text: string, values: unknown[]) => {
    const row = (await pool.query<BoardRow>(text, values)).rows[0];
    return row && toBoardRecord(row);
  };

  return {
    createBoard(name, libraryId) {
      return inTransaction(pool, async (sql) => {
        const at = now();
        const row: BoardRow = newBoardRow(name, at);
        await sql.query(
          `INSERT INTO boards (key, id, view_id, name, created_at, updated_at, element_count) VALUES ($1, $2, $3, $4, $5, $5, 0)`,
          [row.key, row.id, row.view_id, name, at],
        );
        await sql.query(`INSERT INTO library_entries (library_id, board_key, role) VALUES ($1, $2, 'edit')`, [libraryId, row.key]);
        await sql.query(`UPDATE libraries SET version = version + 1 WHERE id = $1`, [libraryId]);
        return toBoardRecord(row);
      });
    },
    getBoard(id) {
      return one(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1 AND deleted_at IS NULL`, [id]);
    },
    getBoardByViewId(viewId) {
      return one(`SELECT ${BOARD_COLUMNS} FROM boards WHERE view_id = $1 AND deleted_at IS NULL`, [viewId]);
    },
    findBoardIncludingTrash(id) {
      return one(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
    },
    async listBoards() {
      const { rows } = await pool.query<BoardRow>(
        `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NULL ORDER BY updated_at DESC, key`,
      );
      return rows.map(toBoardRecord);
    },
    renameBoard(key, name) {
      return inTransaction(pool, async (sql) => {
        const { rows } = await sql.query<BoardRow>(
          `UPDATE boards SET name = $1, updated_at = $2 WHERE key = $3 AND deleted_at IS NULL RETURNING ${BOARD_COLUMNS}`,
          [name, now(), key],
        );
        if (rows[0]) await bumpLibrariesOf(sql, key);
        return rows[0] && toBoardRecord(rows[0]);
      });
    },
    trashBoard(key) {
      return inTransaction(pool, async (sql) => {
        const { rowCount } = await sql.query(`UPDATE boards SET deleted_at = $1 WHERE key = $2 AND deleted_at IS NULL`, [now(), key]);
        if (!rowCount) return false;
        await bumpLibrariesOf(sql, key);
        return true;
      });
    },
    restoreBoard(key) {
      return inTransaction(pool, async (sql) => {
        const { rows } = await sql.query<BoardRow>(
          `UPDATE boards SET deleted_at = NULL WHERE key = $1 AND deleted_at IS NOT NULL RETURNING ${BOARD_COLUMNS}`,
          [key],
        );
        if (rows[0]) await bumpLibrariesOf(sql, key);
        return rows[0] && toBoardRecord(rows[0]);
      });
    },
    resetLinks(key, caller) {
      return inTransaction(pool, async (sql) => {
        const { rows } = await sql.query<BoardRow>(
          `UPDATE boards SET id = $1, view_id = $2 WHERE key = $3 AND deleted_at IS NULL RETURNING ${BOARD_COLUMNS}`,
          [newId(), newId(), key],
        );
        if (!rows[0]) return undefined;
        // Bumped before the entries go, so the libraries losing the board see their list change
        // too; the caller's personal library in the same ordered pass.
        await sql.query(bumpLibrariesSql("board_key = $1", "$2"), [key, caller.personalLibraryId]);
        await sql.query(
          `DELETE FROM library_entries
            WHERE board_key = $1 AND library_id NOT IN (SELECT library_id FROM library_members WHERE member_key = $2)`,
          [key, caller.key],
        );
        // The caller keeps the board whatever libraries it was in: a script calling with a fresh
        // member would otherwise leave it in nobody's.
        await sql.query(
          `INSERT INTO library_entries (library_id, board_key, role) VALUES ($1, $2, 'edit')
           ON CONFLICT (library_id, board_key) DO UPDATE SET role = 'edit'`,
          [caller.personalLibraryId, key],
        );
        return toBoardRecord(rows[0]);
      });
    },
    purgeTrash(cutoff) {
      return inTransaction(pool, async (sql) => {
        // The boards are locked first, as every writer locks a board before its libraries.
        const { rows } = await sql.query<{ key: string }>(
          `SELECT key FROM boards WHERE deleted_at IS NOT NULL AND deleted_at < $1 ORDER BY key FOR UPDATE`,
          [cutoff],
        );
        if (rows.length === 0) return 0;
        const keys = rows.map((row) => row.key);
        await sql.query(bumpLibrariesSql("board_key = ANY ($1::text[])"), [keys]);
        // Cascades to the log, the snapshot and the library entries.
        await sql.query(`DELETE FROM boards WHERE key = ANY ($1::text[])`, [keys]);
        return keys.length;
      });
    },
  };
}

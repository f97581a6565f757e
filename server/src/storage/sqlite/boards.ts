import type { Database } from "better-sqlite3";
import type { BoardRecord, BoardStore, MemberRecord } from "../store.js";
import { newId } from "../ids.js";
import { BOARD_COLUMNS, type BoardRow as GenericBoardRow, boardRecord, newBoardRow } from "../board-row.js";

export type BoardRow = GenericBoardRow<string>;

export const toBoardRecord = (row: BoardRow): BoardRecord => boardRecord(row, (time) => time);

/**
 * Whatever a library's members would see change about a board (its name, its last edit, its
 * ids, the trash) bumps the version of every library holding it, in the same transaction: a
 * member's ETag is built from those versions, so it can never disagree with the list.
 */
export function bumpLibrariesOfBoard(db: Database): (boardKey: string) => void {
  const bump = db.prepare<[string]>(
    `UPDATE libraries SET version = version + 1
      WHERE id IN (SELECT library_id FROM library_entries WHERE board_key = ?)`,
  );
  return (boardKey) => void bump.run(boardKey);
}

/** Boards: metadata, the trash, and their capabilities. */
export function sqliteBoards(db: Database, now: () => Date): BoardStore {
  const bumpLibraries = bumpLibrariesOfBoard(db);
  const s = {
    insert: db.prepare(
      `INSERT INTO boards (key, id, view_id, name, created_at, updated_at, element_count)
       VALUES (@key, @id, @view_id, @name, @created_at, @updated_at, 0)`,
    ),
    addEntry: db.prepare<[string, string]>(`INSERT INTO library_entries (library_id, board_key, role) VALUES (?, ?, 'edit')`),
    bumpLibrary: db.prepare<[string]>(`UPDATE libraries SET version = version + 1 WHERE id = ?`),
    byId: db.prepare<[string], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = ? AND deleted_at IS NULL`),
    byIdAny: db.prepare<[string], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = ?`),
    byViewId: db.prepare<[string], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE view_id = ? AND deleted_at IS NULL`),
    list: db.prepare<[], BoardRow>(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NULL ORDER BY updated_at DESC, key`,
    ),
    rename: db.prepare<[string, string, string], BoardRow>(
      `UPDATE boards SET name = ?, updated_at = ? WHERE key = ? AND deleted_at IS NULL RETURNING ${BOARD_COLUMNS}`,
    ),
    trash: db.prepare<[string, string]>(`UPDATE boards SET deleted_at = ? WHERE key = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string], BoardRow>(
      `UPDATE boards SET deleted_at = NULL WHERE key = ? AND deleted_at IS NOT NULL RETURNING ${BOARD_COLUMNS}`,
    ),
    newIds: db.prepare<[string, string, string], BoardRow>(
      `UPDATE boards SET id = ?, view_id = ? WHERE key = ? AND deleted_at IS NULL RETURNING ${BOARD_COLUMNS}`,
    ),
    dropForeignEntries: db.prepare<[string, string]>(
      `DELETE FROM library_entries
        WHERE board_key = ? AND library_id NOT IN (SELECT library_id FROM library_members WHERE member_key = ?)`,
    ),
    keepForCaller: db.prepare<[string, string]>(
      `INSERT INTO library_entries (library_id, board_key, role) VALUES (?, ?, 'edit')
       ON CONFLICT (library_id, board_key) DO UPDATE SET role = 'edit'`,
    ),
    expired: db.prepare<[string], { key: string }>(`SELECT key FROM boards WHERE deleted_at IS NOT NULL AND deleted_at < ?`),
    purge: db.prepare<[string]>(`DELETE FROM boards WHERE key = ?`),
  };

  const create = db.transaction((name: string, libraryId: string): BoardRecord => {
    const at = now().toISOString();
    const row: BoardRow = newBoardRow(name, at);
    s.insert.run(row);
    s.addEntry.run(libraryId, row.key);
    s.bumpLibrary.run(libraryId);
    return toBoardRecord(row);
  });

  const rename = db.transaction((key: string, name: string) => {
    const row = s.rename.get(name, now().toISOString(), key);
    if (row) bumpLibraries(key);
    return row && toBoardRecord(row);
  });

  const trash = db.transaction((key: string) => {
    if (s.trash.run(now().toISOString(), key).changes === 0) return false;
    bumpLibraries(key);
    return true;
  });

  const restore = db.transaction((key: string) => {
    const row = s.restore.get(key);
    if (row) bumpLibraries(key);
    return row && toBoardRecord(row);
  });

  const resetLinks = db.transaction((key: string, caller: MemberRecord) => {
    const row = s.newIds.get(newId(), newId(), key);
    if (!row) return undefined;
    // Bumped before the entries go, so the libraries losing the board see their list change too.
    bumpLibraries(key);
    s.dropForeignEntries.run(key, caller.key);
    // The caller keeps the board whatever libraries it was in: a script calling with a fresh
    // member would otherwise leave it in nobody's.
    s.keepForCaller.run(caller.personalLibraryId, key);
    s.bumpLibrary.run(caller.personalLibraryId);
    return toBoardRecord(row);
  });

  const purge = db.transaction((cutoff: string) => {
    const expired = s.expired.all(cutoff);
    for (const { key } of expired) {
      bumpLibraries(key);
      // Cascades to the log, the snapshot and the library entries.
      s.purge.run(key);
    }
    return expired.length;
  });

  return {
    async createBoard(name, libraryId) {
      return create(name, libraryId);
    },
    async getBoard(id) {
      const row = s.byId.get(id);
      return row && toBoardRecord(row);
    },
    async getBoardByViewId(viewId) {
      const row = s.byViewId.get(viewId);
      return row && toBoardRecord(row);
    },
    async findBoardIncludingTrash(id) {
      const row = s.byIdAny.get(id);
      return row && toBoardRecord(row);
    },
    async listBoards() {
      return s.list.all().map(toBoardRecord);
    },
    async renameBoard(key, name) {
      return rename(key, name);
    },
    async trashBoard(key) {
      return trash(key);
    },
    async restoreBoard(key) {
      return restore(key);
    },
    async resetLinks(key, caller) {
      return resetLinks(key, caller);
    },
    async purgeTrash(cutoff) {
      return purge(cutoff.toISOString());
    },
  };
}

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { BoardRecord, Store } from "./store.js";
import { migrate } from "./migrations.js";
import { newId } from "./ids.js";

export const DATABASE_FILE = "whiteboard.sqlite";

interface BoardRow {
  id: string;
  view_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  element_count: number;
}

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    viewId: row.view_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    elementCount: row.element_count,
  };
}

const BOARD_COLUMNS = "id, view_id, name, created_at, updated_at, element_count";

/**
 * The embedded store: one SQLite file in the data directory, in WAL mode so readers never wait
 * for the writer. Every change that touches the boards list bumps `list_version` in the same
 * transaction, so the version and the list cannot disagree.
 */
export function openSqliteStore(dataDir: string, now: () => Date = () => new Date()): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma("journal_mode = WAL");
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last
  // transactions, and it never corrupts the file.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const statements = {
    insert: db.prepare(
      `INSERT INTO boards (${BOARD_COLUMNS}) VALUES (@id, @view_id, @name, @created_at, @updated_at, 0)`,
    ),
    byId: db.prepare<[string], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = ?`),
    byViewId: db.prepare<[string], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE view_id = ?`),
    list: db.prepare<[], BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards ORDER BY updated_at DESC, id`),
    rename: db.prepare<[string, string, string], BoardRow>(
      `UPDATE boards SET name = ?, updated_at = ? WHERE id = ? RETURNING ${BOARD_COLUMNS}`,
    ),
    delete: db.prepare<[string]>(`DELETE FROM boards WHERE id = ?`),
    bumpVersion: db.prepare(`UPDATE meta SET value = value + 1 WHERE key = 'list_version'`),
    version: db.prepare<[], { value: number }>(`SELECT value FROM meta WHERE key = 'list_version'`),
    snapshot: db.prepare<[string], { data: Buffer }>(`SELECT data FROM board_snapshots WHERE board_id = ?`),
    updates: db.prepare<[string], { seq: number; data: Buffer }>(
      `SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq`,
    ),
    appendUpdate: db.prepare<[string, Uint8Array]>(`INSERT INTO board_updates (board_id, data) VALUES (?, ?)`),
    recordEdit: db.prepare<[string, number, string]>(
      `UPDATE boards SET updated_at = ?, element_count = ? WHERE id = ?`,
    ),
    putSnapshot: db.prepare<[string, Uint8Array]>(
      `INSERT INTO board_snapshots (board_id, data) VALUES (?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data`,
    ),
    dropLogged: db.prepare<[string, number]>(`DELETE FROM board_updates WHERE board_id = ? AND seq <= ?`),
  };

  const create = db.transaction((name: string): BoardRecord => {
    const at = now().toISOString();
    const row: BoardRow = { id: newId(), view_id: newId(), name, created_at: at, updated_at: at, element_count: 0 };
    statements.insert.run(row);
    statements.bumpVersion.run();
    return toRecord(row);
  });

  const rename = db.transaction((id: string, name: string): BoardRecord | undefined => {
    const row = statements.rename.get(name, now().toISOString(), id);
    if (!row) return undefined;
    statements.bumpVersion.run();
    return toRecord(row);
  });

  const remove = db.transaction((id: string): boolean => {
    if (statements.delete.run(id).changes === 0) return false;
    statements.bumpVersion.run();
    return true;
  });

  const load = db.transaction((boardId: string) => {
    if (!statements.byId.get(boardId)) return undefined;
    const snapshot = statements.snapshot.get(boardId)?.data;
    const rows = statements.updates.all(boardId);
    return {
      snapshot: snapshot && new Uint8Array(snapshot),
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  });

  const append = db.transaction((boardId: string, updates: Uint8Array[], elementCount: number): number => {
    let seq = 0;
    for (const update of updates) seq = Number(statements.appendUpdate.run(boardId, update).lastInsertRowid);
    statements.recordEdit.run(now().toISOString(), elementCount, boardId);
    statements.bumpVersion.run();
    return seq;
  });

  const compact = db.transaction((boardId: string, snapshot: Uint8Array, throughSeq: number) => {
    statements.putSnapshot.run(boardId, snapshot);
    statements.dropLogged.run(boardId, throughSeq);
  });

  return {
    async createBoard(name) {
      return create(name);
    },
    async getBoard(id) {
      const row = statements.byId.get(id);
      return row && toRecord(row);
    },
    async getBoardByViewId(viewId) {
      const row = statements.byViewId.get(viewId);
      return row && toRecord(row);
    },
    async listBoards() {
      return statements.list.all().map(toRecord);
    },
    async renameBoard(id, name) {
      return rename(id, name);
    },
    async deleteBoard(id) {
      return remove(id);
    },
    async listVersion() {
      return statements.version.get()!.value;
    },
    async loadDoc(boardId) {
      return load(boardId);
    },
    async appendUpdates(boardId, updates, elementCount) {
      return append(boardId, updates, elementCount);
    },
    async compactDoc(boardId, snapshot, throughSeq) {
      compact(boardId, snapshot, throughSeq);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

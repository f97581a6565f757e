import type { Database } from "better-sqlite3";
import { EXISTING_BOARDS_LIBRARY_NAME } from "@whiteboard/shared";
import { newId, newKey } from "../ids.js";

/**
 * The schema, one step per version. `PRAGMA user_version` records how far a database has come;
 * each step runs in its own transaction, so a failed migration leaves the previous version whole.
 * Append new steps; never edit a shipped one.
 */
const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  // 1: boards metadata and the list version behind the gallery's ETag.
  (db) => {
    db.exec(`
      CREATE TABLE boards (
        id            TEXT PRIMARY KEY,
        view_id       TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        element_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX boards_by_updated_at ON boards (updated_at DESC, id);
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO meta (key, value) VALUES ('list_version', 0);
    `);
  },
  // 2: the document of each board: an append-only log of Yjs updates, compacted into a snapshot.
  (db) => {
    db.exec(`
      CREATE TABLE board_updates (
        seq      INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        data     BLOB NOT NULL
      ) STRICT;
      CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);
      CREATE TABLE board_snapshots (
        board_id TEXT PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        data     BLOB NOT NULL
      ) STRICT;
    `);
  },
  // 3: libraries and members; boards keyed internally, so their capabilities can be reset; trash.
  (db) => {
    // The old tables move aside; their indexes keep their names, which the new ones reuse.
    db.exec(`
      DROP INDEX boards_by_updated_at;
      DROP INDEX board_updates_by_board;
      ALTER TABLE boards RENAME TO old_boards;
      ALTER TABLE board_updates RENAME TO old_board_updates;
      ALTER TABLE board_snapshots RENAME TO old_board_snapshots;
      CREATE TABLE boards (
        key           TEXT PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        view_id       TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        element_count INTEGER NOT NULL DEFAULT 0,
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX boards_by_updated_at ON boards (updated_at DESC, key);
      CREATE INDEX boards_in_trash ON boards (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE TABLE board_updates (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        board_key TEXT NOT NULL REFERENCES boards (key) ON DELETE CASCADE,
        data      BLOB NOT NULL
      ) STRICT;
      CREATE INDEX board_updates_by_board ON board_updates (board_key, seq);
      CREATE TABLE board_snapshots (
        board_key TEXT PRIMARY KEY REFERENCES boards (key) ON DELETE CASCADE,
        data      BLOB NOT NULL
      ) STRICT;
      CREATE TABLE libraries (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        personal   INTEGER NOT NULL,
        invite     TEXT UNIQUE,
        version    INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE members (
        key                 TEXT PRIMARY KEY,
        personal_library_id TEXT NOT NULL REFERENCES libraries (id),
        created_at          TEXT NOT NULL
      ) STRICT;
      CREATE TABLE member_secrets (
        hash       BLOB PRIMARY KEY,
        member_key TEXT NOT NULL REFERENCES members (key) ON DELETE CASCADE
      ) STRICT;
      CREATE TABLE device_links (
        hash       BLOB PRIMARY KEY,
        member_key TEXT NOT NULL REFERENCES members (key) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE library_members (
        member_key TEXT NOT NULL REFERENCES members (key) ON DELETE CASCADE,
        library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
        PRIMARY KEY (member_key, library_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX library_members_by_library ON library_members (library_id);
      CREATE TABLE library_entries (
        library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
        board_key  TEXT NOT NULL REFERENCES boards (key) ON DELETE CASCADE,
        role       TEXT NOT NULL CHECK (role IN ('edit', 'view')),
        PRIMARY KEY (library_id, board_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX library_entries_by_board ON library_entries (board_key);
    `);
    const boards = db.prepare<[], { id: string }>(`SELECT id FROM old_boards`).all();
    const copyBoard = db.prepare(
      `INSERT INTO boards (key, id, view_id, name, created_at, updated_at, element_count)
       SELECT ?, id, view_id, name, created_at, updated_at, element_count FROM old_boards WHERE id = ?`,
    );
    for (const { id } of boards) copyBoard.run(newKey(), id);
    // AUTOINCREMENT's high-water mark moves over too: compaction deletes the newest rows, and a
    // sequence number must never be handed out twice.
    const highWater = db.prepare<[], { seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'old_board_updates'`).get()?.seq ?? 0;
    db.exec(`
      INSERT INTO board_updates (seq, board_key, data)
        SELECT u.seq, b.key, u.data FROM old_board_updates u JOIN boards b ON b.id = u.board_id ORDER BY u.seq;
      INSERT INTO board_snapshots (board_key, data)
        SELECT b.key, s.data FROM old_board_snapshots s JOIN boards b ON b.id = s.board_id;
      DELETE FROM sqlite_sequence WHERE name IN ('board_updates', 'old_board_updates');
      DROP TABLE old_board_updates;
      DROP TABLE old_board_snapshots;
      DROP TABLE old_boards;
      DELETE FROM meta WHERE key = 'list_version';
    `);
    if (highWater > 0) db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('board_updates', ?)`).run(highWater);
    // Until now everyone saw every board. They go into one shared library whose invite an
    // operator fetches with ADMIN_TOKEN (README); anyone opening a board's link keeps it too.
    if (boards.length > 0) {
      const libraryId = newId();
      db.prepare(
        `INSERT INTO libraries (id, name, personal, invite, version, created_at) VALUES (?, ?, 0, ?, 1, ?)`,
      ).run(libraryId, EXISTING_BOARDS_LIBRARY_NAME, newId(), new Date().toISOString());
      db.prepare(`INSERT INTO library_entries (library_id, board_key, role) SELECT ?, key, 'edit' FROM boards`).run(libraryId);
    }
  },
  // 4: snapshots in parts, written a part per transaction (see sqlite/snapshot-parts.ts), so a
  // large board's fold never holds the single write lock for long.
  (db) => {
    db.exec(`
      CREATE TABLE board_snapshot_parts (
        board_key  TEXT NOT NULL REFERENCES boards (key) ON DELETE CASCADE,
        generation INTEGER NOT NULL,
        part       INTEGER NOT NULL,
        data       BLOB NOT NULL,
        PRIMARY KEY (board_key, generation, part)
      ) STRICT;
      ALTER TABLE boards ADD COLUMN snapshot_generation INTEGER NOT NULL DEFAULT 0;
      INSERT INTO board_snapshot_parts (board_key, generation, part, data) SELECT board_key, 1, 0, data FROM board_snapshots;
      UPDATE boards SET snapshot_generation = 1 WHERE key IN (SELECT board_key FROM board_snapshots);
      DROP TABLE board_snapshots;
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database is at schema version ${current}, newer than this server's ${SCHEMA_VERSION}; upgrade the server`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version]!;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

import type { Database } from "better-sqlite3";

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

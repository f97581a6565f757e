import type { Pool, PoolClient } from "pg";
import { MIGRATION_LOCK } from "./advisory-locks.js";

/**
 * The schema, one step per version; `schema_version` records how far a database has come. Each
 * step runs in its own transaction (DDL is transactional here), so a failed migration leaves the
 * previous version whole. Append new steps; never edit a shipped one.
 *
 * Keys, ids and invites are `COLLATE "C"`: compared and ordered byte by byte, as SQLite does,
 * and cheaper to index than under a language's collation.
 */
const MIGRATIONS: readonly string[] = [
  // 1: everything SQLite reached in its version 4: boards and their documents, libraries, members.
  `
  CREATE TABLE boards (
    key           text COLLATE "C" PRIMARY KEY,
    id            text COLLATE "C" NOT NULL UNIQUE,
    view_id       text COLLATE "C" NOT NULL UNIQUE,
    name          text NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    element_count integer NOT NULL DEFAULT 0,
    deleted_at    timestamptz,
    -- The last sequence number handed out in this board's log: taken and bumped in the same
    -- transaction as the rows are written, so a board's numbers have no gaps, and its row lock
    -- orders concurrent writers of one board (from any instance) by commit.
    head_seq      bigint NOT NULL DEFAULT 0
  );
  CREATE INDEX boards_by_updated_at ON boards (updated_at DESC, key);
  CREATE INDEX boards_in_trash ON boards (deleted_at) WHERE deleted_at IS NOT NULL;

  CREATE TABLE board_updates (
    board_key text COLLATE "C" NOT NULL REFERENCES boards (key) ON DELETE CASCADE,
    seq       bigint NOT NULL,
    data      bytea NOT NULL,
    PRIMARY KEY (board_key, seq)
  );

  -- One row a board, written whole by a fold. No parts, unlike SQLite: there one writer at a time
  -- means a long snapshot write stalls every board's commits, while here MVCC lets writers and
  -- readers carry on while a fold writes tens of megabytes (bytea holds up to 1 GB).
  CREATE TABLE board_snapshots (
    board_key   text COLLATE "C" PRIMARY KEY REFERENCES boards (key) ON DELETE CASCADE,
    -- The last logged update folded in: the snapshot covers seq <= through_seq.
    through_seq bigint NOT NULL,
    data        bytea NOT NULL
  );
  -- Stored out of line and uncompressed: a Yjs update compresses poorly, and pglz over tens of
  -- megabytes would cost the database server CPU on every fold and every open.
  ALTER TABLE board_snapshots ALTER COLUMN data SET STORAGE EXTERNAL;

  CREATE TABLE libraries (
    id         text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL,
    personal   boolean NOT NULL,
    invite     text COLLATE "C" UNIQUE,
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE members (
    key                 text COLLATE "C" PRIMARY KEY,
    personal_library_id text COLLATE "C" NOT NULL REFERENCES libraries (id),
    created_at          timestamptz NOT NULL
  );
  -- Foreign keys are not indexed by themselves in PostgreSQL: these spare a scan of the whole
  -- table on each cascade and each merge of members.
  CREATE INDEX members_by_personal_library ON members (personal_library_id);
  CREATE TABLE member_secrets (
    hash       bytea PRIMARY KEY,
    member_key text COLLATE "C" NOT NULL REFERENCES members (key) ON DELETE CASCADE
  );
  CREATE INDEX member_secrets_by_member ON member_secrets (member_key);
  CREATE TABLE device_links (
    hash       bytea PRIMARY KEY,
    member_key text COLLATE "C" NOT NULL REFERENCES members (key) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX device_links_by_member ON device_links (member_key);
  CREATE INDEX device_links_by_expiry ON device_links (expires_at);
  CREATE TABLE library_members (
    member_key text COLLATE "C" NOT NULL REFERENCES members (key) ON DELETE CASCADE,
    library_id text COLLATE "C" NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    PRIMARY KEY (member_key, library_id)
  );
  CREATE INDEX library_members_by_library ON library_members (library_id);
  CREATE TABLE library_entries (
    library_id text COLLATE "C" NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    board_key  text COLLATE "C" NOT NULL REFERENCES boards (key) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('edit', 'view')),
    PRIMARY KEY (library_id, board_key)
  );
  CREATE INDEX library_entries_by_board ON library_entries (board_key);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to `SCHEMA_VERSION`, under an advisory lock held by this connection: two
 * instances starting together run the steps once, the second finding the work done. The lock
 * goes with the session if the process dies mid-way.
 */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query(`SELECT pg_advisory_lock($1, $2)`, [...MIGRATION_LOCK]);
    try {
      await migrateLocked(client);
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1, $2)`, [...MIGRATION_LOCK]);
    }
  } catch (err) {
    broken = err;
    throw err;
  } finally {
    // Destroyed after a failure, so a lock or a transaction it may still hold goes with it.
    client.release(broken !== undefined);
  }
}

async function migrateLocked(client: PoolClient): Promise<void> {
  // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog.
  await client.query(`CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`);
  await client.query(`INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)`);
  const current = (await client.query<{ version: number }>(`SELECT version FROM schema_version`)).rows[0]!.version;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database is at schema version ${current}, newer than this server's ${SCHEMA_VERSION}; upgrade the server`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    await client.query("BEGIN");
    try {
      await client.query(MIGRATIONS[version]!);
      await client.query(`UPDATE schema_version SET version = $1`, [version + 1]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
  }
}

import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { tempDir } from "../test/temp-dir.js";
import { elementUpdate, newBoard } from "../test/store.js";
import { DATABASE_FILE, openSqliteStore } from "./sqlite.js";
import { SCHEMA_VERSION } from "./sqlite/migrations.js";
import { describeStoreContract, type StoreBackend } from "./store-contract/index.js";

/** A second connection to the store's file, as another process (or a bad disk) would have. */
function behindTheBack<T>(dir: string, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const sqlite: StoreBackend = {
  async place() {
    const dir = tempDir();
    return {
      open: async (now) => openSqliteStore(dir, now),
      async failLibraryBumps() {
        behindTheBack(dir, (db) =>
          db.exec(`CREATE TRIGGER fail_bump BEFORE UPDATE OF version ON libraries BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
        );
        return async () => void behindTheBack(dir, (db) => db.exec(`DROP TRIGGER fail_bump`));
      },
      async logRaw(boardKey, bytes) {
        behindTheBack(dir, (db) => db.prepare(`INSERT INTO board_updates (board_key, data) VALUES (?, ?)`).run(boardKey, bytes));
      },
      async overwriteSnapshot(boardKey, bytes) {
        behindTheBack(dir, (db) =>
          db
            .prepare(
              `UPDATE board_snapshot_parts SET data = ?
                WHERE board_key = ? AND generation = (SELECT snapshot_generation FROM boards WHERE key = ?)`,
            )
            .run(bytes, boardKey, boardKey),
        );
      },
    };
  },
};

describeStoreContract("SQLite", sqlite);

describe("SQLite store: a write lock held elsewhere", () => {
  it("waits for it without blocking the event loop, then writes", async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const board = await newBoard(store, "contended");
    // Another connection (as the compaction worker is) holds the write lock for a while.
    const other = new Database(path.join(dir, DATABASE_FILE));
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const write = store.appendUpdates(board.key, [elementUpdate("late")], 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    other.exec("COMMIT");
    other.close();
    expect(await write).toBeGreaterThan(0);
    clearInterval(ticker);
    // The loop kept turning while the write waited: about 30 ticks in 300 ms.
    expect(ticks).toBeGreaterThan(15);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(1);
    await store.close();
  });
});

describe("SQLite store: schema", () => {
  it("creates the schema on first start and records its version", async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    behindTheBack(dir, (db) => {
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    });
  });

  it("refuses a database written by a newer server instead of misreading it", async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    behindTheBack(dir, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(() => openSqliteStore(dir)).toThrow(/newer than this server/);
  });
});

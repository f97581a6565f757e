import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/temp-dir.js";
import { newBoard } from "../../test/store.js";
import { DATABASE_FILE, openSqliteStore } from "../sqlite.js";
import { readSnapshot, SNAPSHOT_PART_BYTES, writeSnapshot } from "./snapshot-parts.js";

/** A migrated database with one board, and a second connection to it as the worker has. */
async function databaseWithBoard(): Promise<{ db: Database.Database; other: Database.Database; key: string; close(): Promise<void> }> {
  const dir = tempDir();
  const store = openSqliteStore(dir);
  const board = await newBoard(store, "Parts");
  const db = new Database(path.join(dir, DATABASE_FILE));
  const other = new Database(path.join(dir, DATABASE_FILE));
  other.pragma("busy_timeout = 0");
  return {
    db,
    other,
    key: board.key,
    async close() {
      db.close();
      other.close();
      await store.close();
    },
  };
}

function partCount(db: Database.Database, key: string): number {
  return db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM board_snapshot_parts WHERE board_key = ?`).get(key)!.n;
}

describe("snapshots stored in parts", () => {
  it("stores a snapshot larger than a part in several parts and reads it back byte for byte", async () => {
    const { db, key, close } = await databaseWithBoard();
    const bytes = randomBytes(Math.round(SNAPSHOT_PART_BYTES * 2.5));
    writeSnapshot(db, key, bytes, () => undefined);
    expect(partCount(db, key)).toBe(3);
    expect(Buffer.compare(readSnapshot(db, key)!, bytes)).toBe(0);
    // A newer, smaller one replaces it entirely.
    const smaller = randomBytes(100);
    writeSnapshot(db, key, smaller, () => undefined);
    expect(partCount(db, key)).toBe(1);
    expect(Buffer.compare(readSnapshot(db, key)!, smaller)).toBe(0);
    await close();
  });

  it("releases the write lock between parts, so another connection commits while a large snapshot is written", async () => {
    const { db, other, key, close } = await databaseWithBoard();
    const appended: number[] = [];
    writeSnapshot(db, key, randomBytes(SNAPSHOT_PART_BYTES * 3), () => undefined, (index) => {
      // busy_timeout 0: this throws SQLITE_BUSY if the writer still held the lock.
      other.prepare(`INSERT INTO board_updates (board_key, data) VALUES (?, ?)`).run(key, Buffer.from([index]));
      appended.push(index);
      // ...and what it sees meanwhile is still no snapshot at all, not a partial one.
      expect(readSnapshot(other, key)).toBeUndefined();
    });
    expect(appended).toEqual([0, 1]);
    expect(readSnapshot(other, key)!.byteLength).toBe(SNAPSHOT_PART_BYTES * 3);
    await close();
  });

  it("keeps the old snapshot and drops the new parts when the final transaction fails", async () => {
    const { db, key, close } = await databaseWithBoard();
    const old = randomBytes(1000);
    writeSnapshot(db, key, old, () => undefined);
    expect(() =>
      writeSnapshot(db, key, randomBytes(SNAPSHOT_PART_BYTES * 2 + 1), () => {
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(Buffer.compare(readSnapshot(db, key)!, old)).toBe(0);
    expect(partCount(db, key)).toBe(1);
    await close();
  });

  it("never reads parts a crash left behind, and the next write drops them", async () => {
    const { db, key, close } = await databaseWithBoard();
    const old = randomBytes(1000);
    writeSnapshot(db, key, old, () => undefined);
    // What a process killed between two parts leaves: a newer generation, incomplete.
    db.prepare(`INSERT INTO board_snapshot_parts (board_key, generation, part, data) VALUES (?, 7, 0, ?)`).run(key, randomBytes(10));
    expect(Buffer.compare(readSnapshot(db, key)!, old)).toBe(0);
    const next = randomBytes(2000);
    writeSnapshot(db, key, next, () => undefined);
    expect(Buffer.compare(readSnapshot(db, key)!, next)).toBe(0);
    expect(partCount(db, key)).toBe(1);
    await close();
  });
});

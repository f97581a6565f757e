import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isWellFormedId } from "@whiteboard/shared";
import { tempDir } from "../test/temp-dir.js";
import { DATABASE_FILE, openSqliteStore } from "./sqlite.js";
import { SCHEMA_VERSION } from "./migrations.js";

/** A clock that moves one second per reading, so every write gets a distinct, ordered time. */
function steppingClock(start = Date.parse("2026-01-01T00:00:00Z")): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

describe("SQLite store", () => {
  it("creates boards with two distinct, unguessable, URL-safe ids", async () => {
    const store = openSqliteStore(tempDir());
    const a = await store.createBoard("A");
    const b = await store.createBoard("B");
    for (const id of [a.id, a.viewId, b.id, b.viewId]) expect(isWellFormedId(id)).toBe(true);
    expect(new Set([a.id, a.viewId, b.id, b.viewId]).size).toBe(4);
    await store.close();
  });

  it("keeps boards across closing and reopening the database", async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    const created = await first.createBoard("Kept");
    const renamed = await first.renameBoard(created.id, "Kept and renamed");
    const version = await first.listVersion();
    await first.close();

    const second = openSqliteStore(dir);
    expect(await second.getBoard(created.id)).toEqual(renamed);
    expect(await second.getBoardByViewId(created.viewId)).toEqual(renamed);
    expect(await second.listVersion()).toBe(version);
    await second.close();
  });

  it("lists boards newest updatedAt first", async () => {
    const store = openSqliteStore(tempDir(), steppingClock());
    const older = await store.createBoard("older");
    const newer = await store.createBoard("newer");
    expect((await store.listBoards()).map((b) => b.name)).toEqual(["newer", "older"]);
    await store.renameBoard(older.id, "older, renamed later");
    expect((await store.listBoards()).map((b) => b.id)).toEqual([older.id, newer.id]);
    await store.close();
  });

  it("bumps the list version on create, rename and delete, and on nothing else", async () => {
    const store = openSqliteStore(tempDir());
    const v0 = await store.listVersion();
    const board = await store.createBoard("x");
    const v1 = await store.listVersion();
    expect(v1).toBeGreaterThan(v0);

    await store.listBoards();
    await store.getBoard(board.id);
    expect(await store.listVersion()).toBe(v1);

    await store.renameBoard(board.id, "y");
    const v2 = await store.listVersion();
    expect(v2).toBeGreaterThan(v1);

    expect(await store.renameBoard("A".repeat(22), "nobody")).toBeUndefined();
    expect(await store.deleteBoard("A".repeat(22))).toBe(false);
    expect(await store.listVersion()).toBe(v2);

    expect(await store.deleteBoard(board.id)).toBe(true);
    expect(await store.listVersion()).toBeGreaterThan(v2);
    expect(await store.getBoard(board.id)).toBeUndefined();
    await store.close();
  });

  it("leaves nothing half-written when a write fails part-way", async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const existing = await store.createBoard("existing");
    const versionBefore = await store.listVersion();

    // Make the second statement of each write (the list-version bump) fail, from another
    // connection to the same file, as a full disk or a constraint would.
    const saboteur = new Database(path.join(dir, DATABASE_FILE));
    saboteur.exec(`CREATE TRIGGER fail_bump BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

    await expect(store.createBoard("half")).rejects.toThrow(/disk full/);
    await expect(store.renameBoard(existing.id, "half")).rejects.toThrow(/disk full/);
    await expect(store.deleteBoard(existing.id)).rejects.toThrow(/disk full/);

    saboteur.exec(`DROP TRIGGER fail_bump`);
    saboteur.close();
    expect(await store.listBoards()).toEqual([existing]);
    expect(await store.listVersion()).toBe(versionBefore);
    await store.close();
  });

  it("creates the schema on first start and records its version", async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses a database written by a newer server instead of misreading it", async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(dir)).toThrow(/newer than this server/);
  });

  it("logs document updates, then folds them into a snapshot on compaction", async () => {
    const store = openSqliteStore(tempDir());
    const board = await store.createBoard("doc");
    expect(await store.loadDoc(board.id)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
    const seq = await store.appendUpdates(board.id, [new Uint8Array([1]), new Uint8Array([2])], 2);
    await store.appendUpdates(board.id, [new Uint8Array([3])], 3);
    const loaded = (await store.loadDoc(board.id))!;
    expect(loaded.updates).toEqual([new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);

    await store.compactDoc(board.id, new Uint8Array([9, 9]), seq);
    const compacted = (await store.loadDoc(board.id))!;
    expect(compacted.snapshot).toEqual(new Uint8Array([9, 9]));
    expect(compacted.updates).toEqual([new Uint8Array([3])]);
    await store.close();
  });

  it("records an edit's time and element count with its updates, moving the board up the list", async () => {
    const store = openSqliteStore(tempDir(), steppingClock());
    const edited = await store.createBoard("edited");
    const other = await store.createBoard("other");
    const version = await store.listVersion();
    await store.appendUpdates(edited.id, [new Uint8Array([1])], 7);
    const after = (await store.getBoard(edited.id))!;
    expect(after.elementCount).toBe(7);
    expect(after.updatedAt > other.updatedAt).toBe(true);
    expect((await store.listBoards())[0]!.id).toBe(edited.id);
    expect(await store.listVersion()).toBeGreaterThan(version);
    await store.close();
  });

  it("refuses updates for a deleted board, writing none of them", async () => {
    const store = openSqliteStore(tempDir());
    const board = await store.createBoard("gone");
    await store.appendUpdates(board.id, [new Uint8Array([1])], 1);
    await store.deleteBoard(board.id);
    await expect(store.appendUpdates(board.id, [new Uint8Array([2])], 1)).rejects.toThrow();
    expect(await store.loadDoc(board.id)).toBeUndefined();
    await store.close();
  });

  it("migrates a database from schema version 1, keeping its boards", async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, DATABASE_FILE));
    // Schema version 1 as it shipped.
    db.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, view_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, element_count INTEGER NOT NULL DEFAULT 0) STRICT;
      CREATE INDEX boards_by_updated_at ON boards (updated_at DESC, id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      INSERT INTO meta (key, value) VALUES ('list_version', 3);
      INSERT INTO boards VALUES ('AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB', 'old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 0);
      PRAGMA user_version = 1;
    `);
    db.close();
    const store = openSqliteStore(dir);
    expect((await store.getBoard("AAAAAAAAAAAAAAAAAAAAAA"))?.name).toBe("old");
    expect(await store.listVersion()).toBe(3);
    await store.appendUpdates("AAAAAAAAAAAAAAAAAAAAAA", [new Uint8Array([1])], 1);
    expect((await store.loadDoc("AAAAAAAAAAAAAAAAAAAAAA"))!.updates).toHaveLength(1);
    await store.close();
  });
});

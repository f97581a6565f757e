import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isWellFormedId } from "@whiteboard/shared";
import { tempDir } from "../test/temp-dir.js";
import { newBoard, newMember } from "../test/store.js";
import { DATABASE_FILE, openSqliteStore } from "./sqlite.js";
import { SCHEMA_VERSION } from "./sqlite/migrations.js";
import type { Store } from "./store.js";
import * as Y from "yjs";

/** A real Yjs update adding one element, as an editor would send. */
function elementUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("elements").set(id, new Y.Map([["type", "rect"]]));
  return Y.encodeStateAsUpdate(doc);
}

/** A clock that moves one second per reading, so every write gets a distinct, ordered time. */
function steppingClock(start = Date.parse("2026-01-01T00:00:00Z")): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

async function versionOf(store: Store, memberKey: string, libraryId: string): Promise<number> {
  return (await store.membership(memberKey, libraryId))!.version;
}

describe("SQLite store: boards", () => {
  it("creates boards with two distinct, unguessable, URL-safe ids and an internal key that is neither", async () => {
    const store = openSqliteStore(tempDir());
    const a = await newBoard(store, "A");
    const b = await newBoard(store, "B");
    for (const id of [a.id, a.viewId, b.id, b.viewId]) expect(isWellFormedId(id)).toBe(true);
    expect(new Set([a.id, a.viewId, b.id, b.viewId, a.key, b.key]).size).toBe(6);
    expect(isWellFormedId(a.key)).toBe(false);
    await store.close();
  });

  it("keeps boards across closing and reopening the database", async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    const created = await newBoard(first, "Kept");
    const renamed = await first.renameBoard(created.key, "Kept and renamed");
    await first.close();

    const second = openSqliteStore(dir);
    expect(await second.getBoard(created.id)).toEqual(renamed);
    expect(await second.getBoardByViewId(created.viewId)).toEqual(renamed);
    await second.close();
  });

  it("lists live boards newest updatedAt first, leaving out the trash", async () => {
    const store = openSqliteStore(tempDir(), steppingClock());
    const older = await newBoard(store, "older");
    const newer = await newBoard(store, "newer");
    const trashed = await newBoard(store, "trashed");
    await store.trashBoard(trashed.key);
    expect((await store.listBoards()).map((b) => b.name)).toEqual(["newer", "older"]);
    await store.renameBoard(older.key, "older, renamed later");
    expect((await store.listBoards()).map((b) => b.id)).toEqual([older.id, newer.id]);
    await store.close();
  });

  it("bumps the version of the libraries holding a board on rename, edit and trash, and on nothing else", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store, "x");
    const { key: member, personalLibraryId: library } = board.member;
    const v1 = await versionOf(store, member, library);

    await store.listBoards();
    await store.getBoard(board.id);
    await store.entries(member);
    expect(await versionOf(store, member, library)).toBe(v1);

    await store.renameBoard(board.key, "y");
    const v2 = await versionOf(store, member, library);
    expect(v2).toBeGreaterThan(v1);
    await store.appendUpdates(board.key, [new Uint8Array([1])], 1);
    const v3 = await versionOf(store, member, library);
    expect(v3).toBeGreaterThan(v2);

    expect(await store.renameBoard("nokey", "nobody")).toBeUndefined();
    expect(await store.trashBoard("nokey")).toBe(false);
    expect(await versionOf(store, member, library)).toBe(v3);

    expect(await store.trashBoard(board.key)).toBe(true);
    expect(await versionOf(store, member, library)).toBeGreaterThan(v3);
    await store.close();
  });

  it("hides a trashed board from its ids, restores it with the same ids, and purges it only after the cutoff", async () => {
    let now = Date.parse("2026-03-01T12:00:00Z");
    const store = openSqliteStore(tempDir(), () => new Date(now));
    const board = await newBoard(store, "bin");
    await store.appendUpdates(board.key, [new Uint8Array([7])], 1);
    await store.trashBoard(board.key);
    expect(await store.getBoard(board.id)).toBeUndefined();
    expect(await store.getBoardByViewId(board.viewId)).toBeUndefined();
    expect((await store.findBoardIncludingTrash(board.id))?.deletedAt).toBe("2026-03-01T12:00:00.000Z");

    const restored = await store.restoreBoard(board.key);
    expect(restored).toMatchObject({ id: board.id, viewId: board.viewId, deletedAt: undefined });
    expect((await store.loadDoc(board.key))!.updates).toEqual([new Uint8Array([7])]);

    await store.trashBoard(board.key);
    expect(await store.purgeTrash(new Date(now - 1))).toBe(0);
    now += 1000;
    expect(await store.purgeTrash(new Date(now))).toBe(1);
    expect(await store.findBoardIncludingTrash(board.id)).toBeUndefined();
    expect(await store.loadDoc(board.key)).toBeUndefined();
    expect(await store.entries(board.member.key)).toEqual([]);
    await store.close();
  });

  it("resets a board's links, keeping its document and the caller's entries, dropping everyone else's", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store, "reset me");
    const other = await newMember(store);
    await store.addEntry(other.personalLibraryId, board.key, "view");
    await store.appendUpdates(board.key, [new Uint8Array([5])], 1);

    const reset = (await store.resetLinks(board.key, board.member))!;
    expect(reset.key).toBe(board.key);
    expect(reset.id).not.toBe(board.id);
    expect(reset.viewId).not.toBe(board.viewId);
    expect(await store.getBoard(board.id)).toBeUndefined();
    expect(await store.getBoardByViewId(board.viewId)).toBeUndefined();
    expect((await store.getBoard(reset.id))?.key).toBe(board.key);
    expect((await store.loadDoc(board.key))!.updates).toEqual([new Uint8Array([5])]);
    expect((await store.entries(board.member.key)).map((e) => e.board.id)).toEqual([reset.id]);
    expect(await store.entries(other.key)).toEqual([]);
    await store.close();
  });

  it("leaves nothing half-written when a write fails part-way", async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const existing = await newBoard(store, "existing");
    const member = existing.member;
    const before = await store.entries(member.key);
    const versionBefore = await versionOf(store, member.key, member.personalLibraryId);

    // Make the library-version bump of each write fail, from another connection to the same
    // file, as a full disk or a constraint would.
    const saboteur = new Database(path.join(dir, DATABASE_FILE));
    saboteur.exec(`CREATE TRIGGER fail_bump BEFORE UPDATE OF version ON libraries BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

    await expect(store.createBoard("half", member.personalLibraryId)).rejects.toThrow(/disk full/);
    await expect(store.renameBoard(existing.key, "half")).rejects.toThrow(/disk full/);
    await expect(store.trashBoard(existing.key)).rejects.toThrow(/disk full/);
    await expect(store.resetLinks(existing.key, member)).rejects.toThrow(/disk full/);
    await expect(store.appendUpdates(existing.key, [new Uint8Array([1])], 1)).rejects.toThrow(/disk full/);

    saboteur.exec(`DROP TRIGGER fail_bump`);
    saboteur.close();
    expect(await store.entries(member.key)).toEqual(before);
    expect(await store.listBoards()).toEqual([before[0]!.board]);
    expect((await store.loadDoc(existing.key))!.updates).toEqual([]);
    expect(await versionOf(store, member.key, member.personalLibraryId)).toBe(versionBefore);
    await store.close();
  });
});

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

describe("SQLite store: schema and documents", () => {
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

  it("logs document updates, then folds those through a sequence number into a snapshot, keeping later ones", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store, "doc");
    expect(await store.loadDoc(board.key)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
    const [u1, u2, u3] = ["a", "b", "c"].map((id) => elementUpdate(id));
    const seq = await store.appendUpdates(board.key, [u1!, u2!], 2);
    await store.appendUpdates(board.key, [u3!], 3);
    expect((await store.loadDoc(board.key))!.updates).toEqual([u1, u2, u3]);

    const folded = await store.compactDoc(board.key, seq);
    expect(folded).toMatchObject({ foldedRows: 2, foldedBytes: u1!.byteLength + u2!.byteLength });
    const compacted = (await store.loadDoc(board.key))!;
    expect(compacted.snapshot?.byteLength).toBe(folded.snapshotBytes);
    expect(compacted.updates).toEqual([u3]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, compacted.snapshot!);
    expect([...doc.getMap("elements").keys()].sort()).toEqual(["a", "b"]);
    // Idempotent: nothing more to fold through the same sequence.
    expect(await store.compactDoc(board.key, seq)).toMatchObject({ foldedRows: 0 });
    await store.close();
  });

  it("records an edit's time and element count with its updates, moving the board up the list", async () => {
    const store = openSqliteStore(tempDir(), steppingClock());
    const edited = await newBoard(store, "edited");
    const other = await newBoard(store, "other");
    await store.appendUpdates(edited.key, [new Uint8Array([1])], 7);
    const after = (await store.getBoard(edited.id))!;
    expect(after.elementCount).toBe(7);
    expect(after.updatedAt > other.updatedAt).toBe(true);
    expect((await store.listBoards())[0]!.id).toBe(edited.id);
    await store.close();
  });

  it("refuses updates for a purged board, writing none of them", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store, "gone");
    await store.appendUpdates(board.key, [new Uint8Array([1])], 1);
    await store.trashBoard(board.key);
    await store.purgeTrash(new Date(Date.now() + 1000));
    await expect(store.appendUpdates(board.key, [new Uint8Array([2])], 1)).rejects.toThrow();
    expect(await store.loadDoc(board.key)).toBeUndefined();
    await store.close();
  });
});

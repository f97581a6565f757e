import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { EXISTING_BOARDS_LIBRARY_NAME } from "@whiteboard/shared";
import { tempDir } from "../test/temp-dir.js";
import { newMember } from "../test/store.js";
import { DATABASE_FILE, openSqliteStore } from "./sqlite.js";

/** Written by the server as it was before libraries (schema version 2); see schema-v2.json. */
const FIXTURE = new URL("./fixtures/schema-v2.sqlite", import.meta.url);
const FIXTURE_FACTS = JSON.parse(fs.readFileSync(new URL("./fixtures/schema-v2.json", import.meta.url), "utf8")) as {
  boards: Array<{ id: string; viewId: string; name: string; createdAt: string; updatedAt: string; elementCount: number }>;
  elements: Record<string, string[]>;
};

function copyFixture(): string {
  const dir = tempDir();
  fs.copyFileSync(FIXTURE, path.join(dir, DATABASE_FILE));
  return dir;
}

describe("upgrading a database written before libraries", () => {
  it("keeps every board with its ids, name, times and document", async () => {
    const store = openSqliteStore(copyFixture());
    for (const expected of FIXTURE_FACTS.boards) {
      const board = await store.getBoard(expected.id);
      // The JSON was written as each board was created; edits moved `updatedAt` on since.
      const { id, viewId, name, createdAt } = expected;
      expect(board).toMatchObject({ id, viewId, name, createdAt, deletedAt: undefined });
      expect(board!.updatedAt >= createdAt).toBe(true);
      expect((await store.getBoardByViewId(expected.viewId))?.key).toBe(board!.key);
      const stored = (await store.loadDoc(board!.key))!;
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      expect([...doc.getMap("elements").keys()].sort()).toEqual(FIXTURE_FACTS.elements[expected.id]);
    }
    await store.close();
  });

  it("puts the existing boards into one shared library whose invite only an operator can fetch", async () => {
    const store = openSqliteStore(copyFixture());
    const [existing, ...others] = await store.sharedLibraries();
    expect(others).toEqual([]);
    expect(existing).toMatchObject({ name: EXISTING_BOARDS_LIBRARY_NAME, boards: FIXTURE_FACTS.boards.length });

    // Whoever gets the invite sees every board, editable, as everyone could before.
    const member = await newMember(store);
    expect(await store.joinByInvite(member.key, existing!.invite)).toMatchObject({ name: EXISTING_BOARDS_LIBRARY_NAME });
    const entries = await store.entries(member.key);
    expect(entries.map((e) => e.board.id).sort()).toEqual(FIXTURE_FACTS.boards.map((b) => b.id).sort());
    expect(entries.every((e) => e.role === "edit")).toBe(true);
    await store.close();
  });

  it("keeps appending to an upgraded board's log after its old sequence numbers", async () => {
    const dir = copyFixture();
    const store = openSqliteStore(dir);
    const board = (await store.getBoard(FIXTURE_FACTS.boards[0]!.id))!;
    const before = (await store.loadDoc(board.key))!.lastSeq;
    expect(before).toBeGreaterThan(0);
    expect(await store.appendUpdates(board.key, [new Uint8Array([0, 0])], 3)).toBeGreaterThan(before);
    await store.close();
    // Reopening runs no migration twice.
    const again = openSqliteStore(dir);
    expect(await again.sharedLibraries()).toHaveLength(1);
    await again.close();
  });

  it("never reuses a sequence number that compaction had already deleted before the upgrade", async () => {
    const dir = copyFixture();
    const before = new Database(path.join(dir, DATABASE_FILE));
    const top = before.prepare<[], { seq: number }>("SELECT max(seq) AS seq FROM board_updates").get()!.seq;
    before.prepare("DELETE FROM board_updates WHERE seq = ?").run(top);
    before.close();
    const store = openSqliteStore(dir);
    const board = (await store.getBoard(FIXTURE_FACTS.boards[1]!.id))!;
    expect(await store.appendUpdates(board.key, [new Uint8Array([0, 0])], 1)).toBeGreaterThan(top);
    await store.close();
  });

  it("upgrades a schema-version-1 database (boards, no documents) too", async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, DATABASE_FILE));
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
    const board = await store.getBoard("AAAAAAAAAAAAAAAAAAAAAA");
    expect(board?.name).toBe("old");
    await store.appendUpdates(board!.key, [new Uint8Array([1])], 1);
    expect((await store.loadDoc(board!.key))!.updates).toHaveLength(1);
    await store.close();
  });
});

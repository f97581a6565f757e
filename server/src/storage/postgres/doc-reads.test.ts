import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asSuperuser, testDatabase } from "../../test/postgres.js";
import { elementUpdate, newBoard } from "../../test/store.js";
import { openPostgresStore } from "../postgres.js";
import { SNAPSHOT_READ_BYTES } from "./doc-reads.js";

describe("PostgreSQL store: reading large snapshots", () => {
  it("reads back a snapshot larger than one read, in pieces, byte for byte", async () => {
    const url = await testDatabase();
    const store = await openPostgresStore(url);
    const board = await newBoard(store, "large");
    await store.compactDoc(board.key, await store.appendUpdates(board.key, [elementUpdate("a")], 1));
    // Three pieces, the last of one byte.
    const bytes = randomBytes(2 * SNAPSHOT_READ_BYTES + 1);
    await asSuperuser(url, (db) => db.query(`UPDATE board_snapshots SET data = $2 WHERE board_key = $1`, [board.key, bytes]));
    const stored = (await store.loadDoc(board.key))!;
    expect(stored.snapshot!.byteLength).toBe(bytes.byteLength);
    expect(Buffer.compare(Buffer.from(stored.snapshot!), bytes)).toBe(0);
    await store.close();
  });
});

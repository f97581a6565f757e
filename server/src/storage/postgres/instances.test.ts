import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { asSuperuser, testDatabase } from "../../test/postgres.js";
import { newBoard, rebuiltDoc, versionOf } from "../../test/store.js";
import { random, randomEdit } from "../../test/random-edits.js";
import { openPostgresStore } from "../postgres.js";
import type { Store } from "../store.js";
import { FOLD_LOCK_NAMESPACE } from "./advisory-locks.js";

/** Two instances of the server: two stores, each with its own pools and worker, on one database. */
async function twoInstances(): Promise<{ url: string; a: Store; b: Store; close(): Promise<void> }> {
  const url = await testDatabase();
  const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
  return { url, a, b, close: () => Promise.all([a.close(), b.close()]).then(() => undefined) };
}

/** The sequence numbers in the board's log, read behind the stores' backs. */
async function logSeqs(url: string, boardKey: string): Promise<number[]> {
  const { rows } = await asSuperuser(url, (db) =>
    db.query<{ seq: string }>(`SELECT seq FROM board_updates WHERE board_key = $1 ORDER BY seq`, [boardKey]),
  );
  return rows.map((row) => Number(row.seq));
}

describe("PostgreSQL store: several instances on one database", () => {
  it("numbers one board's updates 1, 2, 3... with no gap and no repeat, and loses no library bump, when two instances append at once", async () => {
    const { url, a, b, close } = await twoInstances();
    const board = await newBoard(a, "contended");
    const next = random(5);
    // Each batch's bytes say which instance wrote it and which of its updates this is.
    const batches = Array.from({ length: 60 }, (_, n) => ({
      store: n % 2 === 0 ? a : b,
      updates: Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => new Uint8Array([n, i])),
    }));
    const { key: member, personalLibraryId: library } = board.member;
    const versionBefore = await versionOf(a, member, library);
    const lastSeqs = await Promise.all(batches.map(({ store, updates }) => store.appendUpdates(board.key, updates, 1)));

    const total = batches.reduce((sum, batch) => sum + batch.updates.length, 0);
    expect(await logSeqs(url, board.key)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Every batch got consecutive numbers of its own, ending at the one it was told.
    const stored = (await a.loadDoc(board.key))!.updates;
    batches.forEach(({ updates }, n) => {
      const last = lastSeqs[n]!;
      expect(stored.slice(last - updates.length, last)).toEqual(updates);
    });
    // And each of them bumped the library's version: none of the bumps was lost to another.
    expect(await versionOf(b, member, library)).toBe(versionBefore + batches.length);
    // Another board's numbers are its own.
    const other = await newBoard(b, "quiet");
    expect(await b.appendUpdates(other.key, [new Uint8Array([1])], 1)).toBe(1);
    await close();
  });

  it("loses no update when one instance compacts a board again and again while another appends to it", async () => {
    const { a: writer, b: folder, close } = await twoInstances();
    const board = await newBoard(writer, "folded elsewhere");
    const live = new Y.Doc();
    const next = random(11);
    // The folding instance's worker is started before the writes begin.
    await folder.openDoc(board.key);
    let lastSeq = 0;
    let writing = true;
    let folds = 0;
    const folding = (async () => {
      while (writing) {
        if ((await folder.compactDoc(board.key, lastSeq)).foldedRows > 0) folds += 1;
      }
    })();
    // On until the other instance has folded several times under the writes.
    for (let round = 0; round < 60 || (folds < 5 && round < 5_000); round++) {
      const batch = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => randomEdit(live, next, round * 10 + i));
      lastSeq = await writer.appendUpdates(board.key, batch, live.getMap("elements").size);
    }
    writing = false;
    await folding;
    expect(folds).toBeGreaterThanOrEqual(5);
    const rebuilt = rebuiltDoc((await writer.loadDoc(board.key))!);
    expect(rebuilt.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
    await close();
  });

  it("folds each row exactly once when two instances compact one board at the same moment", async () => {
    const { url, a, b, close } = await twoInstances();
    const board = await newBoard(a, "folded twice");
    const live = new Y.Doc();
    const next = random(23);
    const rows = Array.from({ length: 200 }, (_, i) => randomEdit(live, next, i));
    const lastSeq = await a.appendUpdates(board.key, rows, 1);

    const folds = await Promise.all([a.compactDoc(board.key, lastSeq), b.compactDoc(board.key, lastSeq)]);
    expect(folds[0]!.foldedRows + folds[1]!.foldedRows).toBe(rows.length);
    expect(await logSeqs(url, board.key)).toEqual([]);
    const rebuilt = rebuiltDoc((await b.loadDoc(board.key))!);
    expect(rebuilt.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
    await close();
  });

  it("yields at once, folding nothing, while another instance holds the board's fold lock, and folds once it is free", async () => {
    const url = await testDatabase();
    const store = await openPostgresStore(url);
    const board = await newBoard(store, "locked");
    const seq = await store.appendUpdates(board.key, [randomEdit(new Y.Doc(), random(2), 1)], 1);
    const snapshotBefore = (await store.compactDoc(board.key, seq)).snapshotBytes;
    const later = await store.appendUpdates(board.key, [randomEdit(new Y.Doc(), random(3), 2)], 1);

    await asSuperuser(url, async (other) => {
      // Another instance's fold, mid-way: it holds the lock for its transaction.
      await other.query("BEGIN");
      await other.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [FOLD_LOCK_NAMESPACE, board.key]);
      const yielded = await store.compactDoc(board.key, later);
      expect(yielded).toMatchObject({ foldingElsewhere: true, foldedRows: 0, foldedBytes: 0, snapshotBytes: snapshotBefore });
      expect((await store.loadDoc(board.key))!.updates).toHaveLength(1);
      await other.query("COMMIT");
    });
    expect(await store.compactDoc(board.key, later)).toMatchObject({ foldedRows: 1 });
    await store.close();
  });

  it("commits another instance's updates while a fold of the same board is uncommitted", async () => {
    const url = await testDatabase();
    const store = await openPostgresStore(url);
    const board = await newBoard(store, "not blocked");
    const seq = await store.appendUpdates(board.key, [new Uint8Array([1]), new Uint8Array([2])], 1);
    await asSuperuser(url, async (fold) => {
      // What a fold's transaction holds until it commits: the lock, the new snapshot, the delete.
      await fold.query("BEGIN");
      await fold.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [FOLD_LOCK_NAMESPACE, board.key]);
      await fold.query(`INSERT INTO board_snapshots (board_key, through_seq, data) VALUES ($1, $2, $3)`, [
        board.key,
        seq,
        Buffer.from([9]),
      ]);
      await fold.query(`DELETE FROM board_updates WHERE board_key = $1 AND seq <= $2`, [board.key, seq]);
      // The writer neither waits for it nor sees any of it.
      const appended = await store.appendUpdates(board.key, [new Uint8Array([3])], 1);
      expect(appended).toBe(seq + 1);
      expect(await store.loadDoc(board.key)).toMatchObject({ snapshot: undefined, lastSeq: seq + 1 });
      await fold.query("COMMIT");
    });
    const folded = { snapshot: new Uint8Array([9]), updates: [new Uint8Array([3])], lastSeq: seq + 1 };
    expect(await store.loadDoc(board.key)).toEqual(folded);
    await store.close();
  });
});

import { threadId } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { StoredDocDamaged } from "../store.js";
import { elementUpdate, newBoard, rebuiltDoc, steppingClock } from "../../test/store.js";
import { random, randomEdit } from "../../test/random-edits.js";
import type { StoreBackend } from "./index.js";

/** Bytes Yjs rejects, as a bad disk or a bad restore would leave them. */
const NOT_AN_UPDATE = new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]);

export function documentsContract(name: string, backend: StoreBackend): void {
  const open = async (now?: () => Date) => (await backend.place()).open(now);

  describe(`${name} store: documents`, () => {
    it("logs document updates, then folds those through a sequence number into a snapshot, keeping later ones", async () => {
      const store = await open();
      const board = await newBoard(store, "doc");
      expect(await store.loadDoc(board.key)).toEqual({ snapshot: undefined, updates: [], lastSeq: 0 });
      const [u1, u2, u3] = ["a", "b", "c"].map((id) => elementUpdate(id));
      const seq = await store.appendUpdates(board.key, [u1!, u2!], 2);
      const last = await store.appendUpdates(board.key, [u3!], 3);
      expect(last).toBeGreaterThan(seq);
      expect(await store.loadDoc(board.key)).toEqual({ snapshot: undefined, updates: [u1, u2, u3], lastSeq: last });

      const folded = await store.compactDoc(board.key, seq);
      expect(folded).toMatchObject({ foldedRows: 2, foldedBytes: u1!.byteLength + u2!.byteLength });
      const compacted = (await store.loadDoc(board.key))!;
      expect(compacted.snapshot?.byteLength).toBe(folded.snapshotBytes);
      expect(compacted.updates).toEqual([u3]);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, compacted.snapshot!);
      expect([...doc.getMap("elements").keys()].sort()).toEqual(["a", "b"]);
      // Idempotent: nothing more to fold through the same sequence.
      expect(await store.compactDoc(board.key, seq)).toMatchObject({ foldedRows: 0, snapshotBytes: folded.snapshotBytes });
      await store.close();
    });

    it("numbers each board's updates in increasing order, whatever other boards write in between", async () => {
      const store = await open();
      const a = await newBoard(store, "a");
      const b = await newBoard(store, "b");
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) {
        seqs.push(await store.appendUpdates(a.key, [new Uint8Array([i])], 1));
        await store.appendUpdates(b.key, [new Uint8Array([i]), new Uint8Array([i])], 1);
      }
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      expect((await store.loadDoc(a.key))!.lastSeq).toBe(seqs.at(-1));
      await store.close();
    });

    it("records an edit's time and element count with its updates, moving the board up the list", async () => {
      const store = await open(steppingClock());
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
      const store = await open();
      const board = await newBoard(store, "gone");
      await store.appendUpdates(board.key, [new Uint8Array([1])], 1);
      await store.trashBoard(board.key);
      await store.purgeTrash(new Date(Date.now() + 1000));
      await expect(store.appendUpdates(board.key, [new Uint8Array([2])], 1)).rejects.toThrow();
      expect(await store.loadDoc(board.key)).toBeUndefined();
      await store.close();
    });

    for (const seed of [1, 42, 20261201]) {
      it(`keeps exactly the live doc in the store while updates keep arriving during every fold (seed ${seed})`, async () => {
        const store = await open();
        const board = await newBoard(store);
        const live = new Y.Doc();
        const next = random(seed);
        const folds: Array<Promise<unknown>> = [];
        try {
          for (let round = 0; round < 40; round++) {
            const batch = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) => randomEdit(live, next, round * 10 + i));
            const lastSeq = await store.appendUpdates(board.key, batch, live.getMap("elements").size);
            // Folds start now and then, through what is written so far, and are not awaited: the
            // next batches land while the worker reads, builds and writes.
            if (next() < 0.3) folds.push(store.compactDoc(board.key, lastSeq));
          }
          await Promise.all(folds);
          const rebuilt = rebuiltDoc((await store.loadDoc(board.key))!);
          expect(rebuilt.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
          expect(folds.length).toBeGreaterThan(0);
        } catch (err) {
          console.error(`${name}: compaction convergence failed with seed ${seed}`);
          throw err;
        } finally {
          await store.close();
        }
      });
    }

    it("folds on another thread than the caller's", async () => {
      const store = await open();
      const board = await newBoard(store);
      const seq = await store.appendUpdates(board.key, [randomEdit(new Y.Doc(), random(3), 1)], 1);
      const folded = await store.compactDoc(board.key, seq);
      expect(folded.threadId).not.toBe(threadId);
      expect(folded.foldedRows).toBe(1);
      expect((await store.loadDoc(board.key))!.updates).toEqual([]);
      await store.close();
    });

    it("opens a board by merging snapshot and log into one update, on another thread, with the log's facts", async () => {
      const store = await open();
      const board = await newBoard(store);
      const live = new Y.Doc();
      const next = random(7);
      const first = Array.from({ length: 5 }, (_, i) => randomEdit(live, next, i));
      const folded = await store.compactDoc(board.key, await store.appendUpdates(board.key, first, 1));
      const later = Array.from({ length: 3 }, (_, i) => randomEdit(live, next, 10 + i));
      const lastSeq = await store.appendUpdates(board.key, later, 1);

      const opened = (await store.openDoc(board.key))!;
      expect(opened).toMatchObject({
        lastSeq,
        loggedUpdates: 3,
        loggedBytes: later.reduce((n, u) => n + u.byteLength, 0),
        snapshotBytes: folded.snapshotBytes,
      });
      expect((opened as unknown as { threadId: number }).threadId).not.toBe(threadId);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, opened.state);
      expect(doc.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
      expect(await store.openDoc("no-such-key")).toBeUndefined();
      await store.close();
    });

    it("refuses to open a board whose logged bytes are not a Yjs update, naming the update, and keeps its rows", async () => {
      const place = await backend.place();
      const store = await place.open();
      const board = await newBoard(store, "damaged log");
      await store.appendUpdates(board.key, [elementUpdate("before")], 1);
      await place.logRaw(board.key, NOT_AN_UPDATE);
      const rows = (await store.loadDoc(board.key))!;
      const error = await store.openDoc(board.key).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(StoredDocDamaged);
      expect((error as StoredDocDamaged).part).toBe(`logged update ${rows.lastSeq}`);
      expect(await store.loadDoc(board.key)).toEqual(rows);
      await store.close();
    });

    it("refuses to open a board whose snapshot is not a Yjs update, naming the snapshot", async () => {
      const place = await backend.place();
      const store = await place.open();
      const board = await newBoard(store, "damaged snapshot");
      await store.compactDoc(board.key, await store.appendUpdates(board.key, [elementUpdate("before")], 1));
      await place.overwriteSnapshot(board.key, NOT_AN_UPDATE);
      await expect(store.openDoc(board.key)).rejects.toMatchObject({ name: "StoredDocDamaged", part: "the snapshot" });
      await store.close();
    });
  });
}

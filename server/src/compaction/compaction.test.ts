import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId } from "node:worker_threads";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { openSqliteStore } from "../storage/sqlite.js";
import { tempDir } from "../test/temp-dir.js";
import { newBoard } from "../test/store.js";
import { storedBigBoard } from "../test/big-board.js";
import { FakePeer } from "../test/fake-peer.js";
import { eventually } from "../test/editors.js";
import { encodeSyncStep1, encodeUpdate } from "../protocol/messages.js";
import { DEFAULT_REGISTRY_OPTIONS, RoomRegistry } from "../rooms/registry.js";

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of `doc` (add a stroke, extend one, move one, delete one), as an update. */
function randomEdit(doc: Y.Doc, next: () => number, n: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const elements = doc.getMap<Y.Map<unknown>>("elements");
  const ids = [...elements.keys()];
  const pick = next();
  doc.transact(() => {
    if (ids.length === 0 || pick < 0.4) {
      const element = new Y.Map<unknown>();
      element.set("type", "stroke");
      element.set("x", Math.round(next() * 1000));
      element.set("points", Y.Array.from([0, 0, 32]));
      elements.set(`s${n}`, element);
    } else if (pick < 0.75) {
      (elements.get(ids[Math.floor(next() * ids.length)]!)!.get("points") as Y.Array<number>).push([n, n, 32]);
    } else if (pick < 0.9) {
      elements.get(ids[Math.floor(next() * ids.length)]!)!.set("x", n);
    } else {
      elements.delete(ids[Math.floor(next() * ids.length)]!);
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}

describe("compaction in a worker", () => {
  for (const seed of [1, 42, 20261201]) {
    it(`keeps exactly the live doc in the store while updates keep arriving during every fold (seed ${seed})`, async () => {
      const store = openSqliteStore(tempDir());
      const board = await newBoard(store);
      const live = new Y.Doc();
      const next = random(seed);
      const folds: Array<Promise<unknown>> = [];
      let lastSeq = 0;
      try {
        for (let round = 0; round < 40; round++) {
          const batch = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) => randomEdit(live, next, round * 10 + i));
          lastSeq = await store.appendUpdates(board.key, batch, live.getMap("elements").size);
          // Folds start now and then, through what is written so far, and are not awaited: the
          // next batches land while the worker reads, builds and writes.
          if (next() < 0.3) folds.push(store.compactDoc(board.key, lastSeq));
        }
        await Promise.all(folds);
        const stored = (await store.loadDoc(board.key))!;
        const rebuilt = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
        expect(rebuilt.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
        expect(folds.length).toBeGreaterThan(0);
      } catch (err) {
        console.error(`compaction convergence failed with seed ${seed}`);
        throw err;
      } finally {
        await store.close();
      }
    });
  }

  it("folds on another thread than the caller's", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store);
    const doc = new Y.Doc();
    const seq = await store.appendUpdates(board.key, [randomEdit(doc, random(3), 1)], 1);
    const folded = await store.compactDoc(board.key, seq);
    expect(folded.threadId).not.toBe(threadId);
    expect(folded.foldedRows).toBe(1);
    expect((await store.loadDoc(board.key))!.updates).toEqual([]);
    await store.close();
  });
});

describe("opening a board in the worker", () => {
  it("merges snapshot and log into one update, on another thread, with the log's facts", async () => {
    const store = openSqliteStore(tempDir());
    const board = await newBoard(store);
    const live = new Y.Doc();
    const next = random(7);
    const first = Array.from({ length: 5 }, (_, i) => randomEdit(live, next, i));
    await store.compactDoc(board.key, await store.appendUpdates(board.key, first, 1));
    const later = Array.from({ length: 3 }, (_, i) => randomEdit(live, next, 10 + i));
    const lastSeq = await store.appendUpdates(board.key, later, 1);

    const opened = (await store.openDoc(board.key))!;
    expect(opened).toMatchObject({ lastSeq, loggedUpdates: 3, loggedBytes: later.reduce((n, u) => n + u.byteLength, 0) });
    expect((opened as unknown as { threadId: number }).threadId).not.toBe(threadId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, opened.state);
    expect(doc.getMap("elements").toJSON()).toEqual(live.getMap("elements").toJSON());
    expect(await store.openDoc("no-such-key")).toBeUndefined();
    await store.close();
  });
});

describe("a 10,000-stroke board under a stream of updates", () => {
  it("compacts in the worker while the main thread's event loop never blocks for long", { timeout: 120_000 }, async () => {
    const STROKES = 10_000;
    const POINTS = 100;
    /**
     * The event loop while the pen draws and the board is folded again and again: p99 of its
     * delay under this bound (measured 20-40 ms here). A whole-board encode alone took about
     * 0.2 s on the main thread before folds moved to the worker. Loose on purpose, and the max
     * only printed: with the suite's other fork and the worker sharing two cores, the scheduler
     * alone moves these; the structural checks (no whole-board encode on the loop, folds on
     * another thread) are what this test holds, and the bench prints the figures.
     */
    const P99_BOUND_MS = 100;

    const store = openSqliteStore(tempDir());
    const board = await storedBigBoard(store, STROKES, POINTS);

    // Folds whenever the log passes a sliver of the snapshot: many folds of a 10 MB board.
    const registry = new RoomRegistry(store, pino({ level: "silent" }), {
      ...DEFAULT_REGISTRY_OPTIONS,
      compactLogRatio: 0.0005,
      compactMinBytes: 0,
      unloadGraceMs: 60_000,
    });
    const compactDoc = vi.spyOn(store, "compactDoc");
    const peer = new FakePeer();
    const session = (await registry.joinEditor(board.key, peer))!;
    session.handle(encodeSyncStep1(Y.encodeStateVector(peer.doc)));
    await eventually(() => expect(peer.doc.getMap("elements").size).toBe(STROKES));

    const room = registry.loaded(board.key)!;
    // Its doc is in a thread of its own: nothing on this loop encodes or applies the whole board.
    expect(room.docWhere).toBe("own thread");
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const pen = peer.doc.getMap<Y.Map<unknown>>("elements").get("seed0")!.get("points") as Y.Array<number>;
    // At least 600 points, and on until a second fold has started (a loaded machine folds slower).
    let sent = 0;
    for (let i = 0; i < 600 || (compactDoc.mock.calls.length < 2 && i < 6000); i++, sent++) {
      const before = Y.encodeStateVector(peer.doc);
      pen.push([i, i, 32]);
      expect(session.handle(encodeUpdate(Y.encodeStateAsUpdate(peer.doc, before)))).toBeUndefined();
      // A pen at 60 Hz sends one point per frame: here ten times as fast.
      await new Promise((resolve) => setTimeout(resolve, 1.6));
    }
    // Folds ran while the pen drew (each one folds what was logged when it started).
    await eventually(async () => expect((await store.loadDoc(board.key))!.updates.length).toBeLessThan(sent), 30_000);
    delay.disable();

    expect(compactDoc.mock.calls.length).toBeGreaterThanOrEqual(2);
    const folds = await Promise.all(compactDoc.mock.results.map((r) => r.value as Promise<{ threadId: number }>));
    expect(folds.every((fold) => fold.threadId !== threadId)).toBe(true);
    const p99 = delay.percentile(99) / 1e6;
    const figures = `event-loop delay p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`;
    console.log(`10,000-stroke board under a pen: ${figures}`);
    expect(p99, figures).toBeLessThan(P99_BOUND_MS);
    // Unloading folds the rest.
    await registry.closeAll();
    const stored = (await store.loadDoc(board.key))!;
    expect(stored.updates).toEqual([]);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, stored.snapshot!);
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect((rebuilt.getMap<Y.Map<unknown>>("elements").get("seed0")!.get("points") as Y.Array<number>).length).toBe(POINTS * 3 + sent * 3);
    await store.close();
  });
});

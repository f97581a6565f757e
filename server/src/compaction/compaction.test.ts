import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId } from "node:worker_threads";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { openSqliteStore } from "../storage/sqlite.js";
import { tempDir } from "../test/temp-dir.js";
import { storedBigBoard } from "../test/big-board.js";
import { FakePeer } from "../test/fake-peer.js";
import { eventually } from "../test/editors.js";
import { encodeSyncStep1, encodeUpdate } from "../protocol/messages.js";
import { DEFAULT_REGISTRY_OPTIONS, RoomRegistry } from "../rooms/registry.js";

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

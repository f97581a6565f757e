import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { testDatabase } from "../../test/postgres.js";
import { storedBigBoard } from "../../test/big-board.js";
import { openPostgresStore } from "../postgres.js";

describe("PostgreSQL store: a 10,000-stroke board", () => {
  it("is opened and folded in the worker, reading and decoding its rows there, while the event loop stays free", { timeout: 120_000 }, async () => {
    /**
     * Loose on purpose, as for SQLite (compaction.test.ts): the structural facts (the work on
     * another thread, nothing proportional to the board decoded here) are what this holds. On
     * the event loop, decoding the 11 MB snapshot's hex alone would take tens of milliseconds,
     * and merging it hundreds.
     */
    const P99_BOUND_MS = 100;
    const store = await openPostgresStore(await testDatabase());
    const board = await storedBigBoard(store, 10_000);
    const pen = new Y.Doc();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let lastSeq = 0;
    for (let i = 0; i < 20; i++) {
      pen.getMap("elements").set(`late${i}`, new Y.Map([["type", "rect"]]));
      lastSeq = await store.appendUpdates(board.key, [Y.encodeStateAsUpdate(pen)], 10_000 + i);
    }
    const [opened, folded] = await Promise.all([store.openDoc(board.key), store.compactDoc(board.key, lastSeq)]);
    const reopened = (await store.openDoc(board.key))!;
    delay.disable();

    expect((opened as unknown as { threadId: number }).threadId).not.toBe(threadId);
    expect(folded).toMatchObject({ foldedRows: 20 });
    expect(folded.threadId).not.toBe(threadId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, reopened.state);
    expect(doc.getMap("elements").size).toBe(10_020);
    const p99 = delay.percentile(99) / 1e6;
    const figures = `event-loop delay p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`;
    console.log(`opening and folding a 10,000-stroke board on PostgreSQL: ${figures}`);
    expect(p99, figures).toBeLessThan(P99_BOUND_MS);
    await store.close();
  });
});

import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { pino } from "pino";
import { WS_CLOSE } from "@whiteboard/shared";
import { openSqliteStore } from "../storage/sqlite.js";
import type { Store } from "../storage/store.js";
import { tempDir } from "../test/temp-dir.js";
import { newBoard } from "../test/store.js";
import { FakePeer } from "../test/fake-peer.js";
import { eventually } from "../test/editors.js";
import { encodeAwarenessUpdate } from "../protocol/awareness.js";
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdate } from "../protocol/messages.js";
import { roomDoc } from "../test/room-doc.js";
import { DEFAULT_REGISTRY_OPTIONS, RoomRegistry } from "./registry.js";
import type { EditorSession } from "./editor-session.js";

const logger = pino({ level: "silent" });

async function setup(options: Partial<typeof DEFAULT_REGISTRY_OPTIONS> = {}) {
  const dir = tempDir();
  const store = openSqliteStore(dir);
  const board = await newBoard(store, "room test");
  const registry = new RoomRegistry(store, logger, { ...DEFAULT_REGISTRY_OPTIONS, unloadGraceMs: 20, ...options });
  return { dir, store, board, registry };
}

async function join(registry: RoomRegistry, boardId: string): Promise<{ peer: FakePeer; session: EditorSession }> {
  const peer = new FakePeer();
  const session = (await registry.joinEditor(boardId, peer))!;
  // What a provider does on open: ask for what it lacks.
  session.handle(encodeSyncStep1(Y.encodeStateVector(peer.doc)));
  return { peer, session };
}

/** Sends a local change of `peer` to the room, as a provider would. */
function edit(peer: FakePeer, session: EditorSession, change: (doc: Y.Doc) => void): void {
  const before = Y.encodeStateVector(peer.doc);
  change(peer.doc);
  expect(session.handle(encodeUpdate(Y.encodeStateAsUpdate(peer.doc, before)))).toBeUndefined();
}

const setElement = (id: string) => (doc: Y.Doc) => {
  const element = new Y.Map<unknown>();
  element.set("type", "rect");
  doc.getMap("elements").set(id, element);
};

/** Every room behaviour holds wherever the doc is: on the event loop, or in a thread of its own. */
const HOSTS = [
  { where: "event loop", offLoopBytes: DEFAULT_REGISTRY_OPTIONS.offLoopBytes },
  { where: "own thread", offLoopBytes: 0 },
] as const;

describe.each(HOSTS)("Room, its doc on the $where", ({ where, offLoopBytes }) => {
  const setupHere = async (options: Partial<typeof DEFAULT_REGISTRY_OPTIONS> = {}) => {
    const context = await setup({ offLoopBytes, ...options });
    const room = await context.registry.prepare(context.board.key);
    expect(room).toBe(true);
    expect(context.registry.loaded(context.board.key)!.docWhere).toBe(where);
    return context;
  };

  it("makes two attached peers converge", async () => {
    const { board, registry } = await setupHere();
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    edit(a.peer, a.session, setElement("from-a"));
    edit(b.peer, b.session, setElement("from-b"));
    await registry.loaded(board.key)!.flush();
    expect([...a.peer.doc.getMap("elements").keys()].sort()).toEqual(["from-a", "from-b"]);
    expect([...b.peer.doc.getMap("elements").keys()].sort()).toEqual(["from-a", "from-b"]);
  });

  it("forwards a batch of updates to each editor in one write, in order, without the editor's own", async () => {
    const { board, registry } = await setupHere();
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    const watcher = await join(registry, board.key);
    const room = registry.loaded(board.key)!;
    await room.flush();
    const writes = new Map<FakePeer, number>();
    let alone = 0;
    for (const { peer } of [a, b, watcher]) {
      const send = peer.send.bind(peer);
      let inBatch = false;
      peer.send = (message) => {
        // A forwarded update (sync, update); the joins' sync answers may still be arriving.
        if (!inBatch && message[0] === 0 && message[1] === 2) alone += 1;
        send(message);
      };
      peer.sendAll = (messages) => {
        writes.set(peer, (writes.get(peer) ?? 0) + 1);
        inBatch = true;
        for (const message of messages) peer.send(message);
        inBatch = false;
      };
    }
    // Five updates in one turn of the loop: one batch.
    edit(a.peer, a.session, setElement("a1"));
    edit(b.peer, b.session, setElement("b1"));
    edit(a.peer, a.session, setElement("a2"));
    edit(b.peer, b.session, setElement("b2"));
    edit(a.peer, a.session, setElement("a3"));
    await room.flush();
    expect(alone).toBe(0);
    for (const { peer } of [a, b, watcher]) {
      expect(writes.get(peer)).toBe(1);
      expect([...peer.doc.getMap("elements").keys()].sort()).toEqual(["a1", "a2", "a3", "b1", "b2"]);
    }
  });

  it("serves a newcomer everything already drawn, and only the rest to a client that has part", async () => {
    const { board, registry } = await setupHere();
    const a = await join(registry, board.key);
    edit(a.peer, a.session, setElement("first"));
    await registry.loaded(board.key)!.flush();
    const partial = await join(registry, board.key);
    await eventually(() => expect([...partial.peer.doc.getMap("elements").keys()]).toEqual(["first"]));
    partial.session.leave();
    edit(a.peer, a.session, setElement("second"));
    await registry.loaded(board.key)!.flush();
    const newcomer = await join(registry, board.key);
    await eventually(() => expect([...newcomer.peer.doc.getMap("elements").keys()].sort()).toEqual(["first", "second"]));
    const resumed = new FakePeer();
    Y.applyUpdate(resumed.doc, Y.encodeStateAsUpdate(partial.peer.doc));
    const session = (await registry.joinEditor(board.key, resumed))!;
    let received = 0;
    resumed.doc.on("update", (update: Uint8Array) => (received += update.byteLength));
    session.handle(encodeSyncStep1(Y.encodeStateVector(resumed.doc)));
    await eventually(() => expect([...resumed.doc.getMap("elements").keys()].sort()).toEqual(["first", "second"]));
    expect(received).toBeLessThan(Y.encodeStateAsUpdate(newcomer.peer.doc).byteLength);
  });

  it("neither stores nor forwards an update that brings nothing new, such as a client resending the whole board", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    edit(a.peer, a.session, setElement("x"));
    const room = registry.loaded(board.key)!;
    await room.flush();
    let forwarded = 0;
    b.peer.doc.on("update", () => forwarded++);
    const append = vi.spyOn(store, "appendUpdates");
    // Past the feed's batch of "x", so that anything the viewer gets now is new.
    await new Promise((resolve) => setTimeout(resolve, 120));
    let received = "";
    room.watch({ buffered: 0, write: (chunk) => void (received += chunk.toString()), end: () => {} }, undefined);

    expect(a.session.handle(encodeUpdate(Y.encodeStateAsUpdate(a.peer.doc)))).toBeUndefined();
    await room.flush();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(append).not.toHaveBeenCalled();
    expect(forwarded).toBe(0);
    expect(received).toContain("event: snapshot");
    expect(received).not.toContain("event: update");
  });

  it.each([1124, 7, 42, 99, 2026])("stores exactly what was sent, whatever the order, duplicates and deletions: a crash keeps it all (seed %i)", async (seed) => {
    let state = seed;
    // mulberry32
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    // A writer whose updates reach the room shuffled, some twice: out of order, an update waits
    // (parked) for the one it depends on; a second copy brings nothing new.
    const writer = new Y.Doc();
    const sent: Uint8Array[] = [];
    writer.on("update", (update: Uint8Array) => sent.push(update));
    for (let i = 0; i < 120; i++) {
      const keys = [...writer.getMap("elements").keys()];
      if (keys.length > 0 && random() < 0.3) writer.getMap("elements").delete(keys[Math.floor(random() * keys.length)]!);
      else writer.getMap("elements").set(`k${Math.floor(random() * 400)}`, i);
    }
    const outbox = [...sent, ...sent.filter(() => random() < 0.3)];
    for (let i = outbox.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [outbox[i], outbox[j]] = [outbox[j]!, outbox[i]!];
    }
    const room = registry.loaded(board.key)!;
    for (const update of outbox) {
      expect(a.session.handle(encodeUpdate(update)), `seed ${seed}`).toBeUndefined();
      if (random() < 0.2) await room.flush();
    }
    await room.flush();
    // What a server killed now would load: the stored log, without the compaction of an unload.
    const stored = (await store.loadDoc(board.key))!;
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getMap("elements").toJSON(), `seed ${seed}`).toEqual(writer.getMap("elements").toJSON());
    expect((await roomDoc(room)).getMap("elements").toJSON(), `seed ${seed}`).toEqual(writer.getMap("elements").toJSON());
  });

  it("stores and forwards an update that only deletes", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    edit(a.peer, a.session, setElement("doomed"));
    await registry.loaded(board.key)!.flush();
    edit(a.peer, a.session, (doc) => doc.getMap("elements").delete("doomed"));
    await registry.loaded(board.key)!.flush();
    expect(b.peer.doc.getMap("elements").has("doomed")).toBe(false);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(2);
  });

  it("writes an update to the store before any other editor can see it", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    const append = vi.spyOn(store, "appendUpdates");
    edit(a.peer, a.session, setElement("durable"));
    // Applied to the room, but not yet forwarded: the write comes first.
    expect(b.peer.doc.getMap("elements").has("durable")).toBe(false);
    await registry.loaded(board.key)!.flush();
    expect(append).toHaveBeenCalledTimes(1);
    expect(b.peer.doc.getMap("elements").has("durable")).toBe(true);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(1);
  });

  it("groups updates that arrive together into one store transaction", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    const append = vi.spyOn(store, "appendUpdates");
    for (let i = 0; i < 10; i++) edit(a.peer, a.session, setElement(`e${i}`));
    await registry.loaded(board.key)!.flush();
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0]![1]).toHaveLength(10);
  });

  it("coalesces awareness: many moves within a tick reach each editor as one message, latest state", async () => {
    const { board, registry } = await setupHere({ awarenessTickMs: 50 });
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    // Prime the throttle so the following moves fall within one tick.
    a.session.handle(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 7, clock: 1, state: '{"cursor":{"x":0,"y":0}}' }])));
    await eventually(() => expect(b.peer.awarenessMessages).toHaveLength(1));
    for (let i = 2; i <= 30; i++) {
      a.session.handle(
        encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 7, clock: i, state: `{"cursor":{"x":${i},"y":0}}` }])),
      );
    }
    await eventually(() => expect(b.peer.awarenessMessages).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 120));
    expect(b.peer.awarenessMessages).toHaveLength(2);
    expect(b.peer.awarenessMessages[1]).toEqual([{ clientId: 7, clock: 30, state: '{"cursor":{"x":30,"y":0}}' }]);
  });

  it("ignores another connection's client ids and echoes of departed ones", async () => {
    const { board, registry } = await setupHere({ awarenessTickMs: 1 });
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    const state = (x: number) => `{"cursor":{"x":${x},"y":0}}`;
    a.session.handle(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: state(1) }])));
    // b echoes a's entry with a newer clock, as the stock provider does: dropped.
    b.session.handle(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 1, clock: 2, state: state(999) }])));
    await new Promise((r) => setTimeout(r, 20));
    expect(registry.loaded(board.key)!.liveAwareness()).toEqual([{ clientId: 1, clock: 1, state: state(1) }]);
    // a leaves; b's late echo of a's old state must not resurrect a's cursor.
    a.session.leave();
    b.session.handle(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: state(1) }])));
    expect(registry.loaded(board.key)!.liveAwareness()).toEqual([]);
  });

  it("rejects a malformed update without touching the doc or the store", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    edit(a.peer, a.session, setElement("kept"));
    const room = registry.loaded(board.key)!;
    await room.flush();
    const before = await room.wholeState();
    const source = new Y.Doc();
    setElement("partial")(source);
    source.getMap("elements").set("another", "x".repeat(1000));
    const full = Y.encodeStateAsUpdate(source);
    const rejection = a.session.handle(encodeUpdate(full.slice(0, full.length - 20)));
    expect(rejection?.code).toBe(WS_CLOSE.invalidData);
    await room.flush();
    expect(await room.wholeState()).toEqual(before);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(1);
  });

  it("drops updates parked for missing dependencies past the cap, and closes their sender", async () => {
    // Its only editor is closed: a long grace keeps the room to look at afterwards.
    const { board, registry, store } = await setupHere({ unloadGraceMs: 60_000 });
    const a = await join(registry, board.key);
    const source = new Y.Doc();
    source.getMap("elements").set("first", "x");
    const afterFirst = Y.encodeStateVector(source);
    source.getMap("elements").set("big", "y".repeat(5 * 1024 * 1024));
    // Only the second change: it depends on the first, which the room never gets.
    const orphan = Y.encodeStateAsUpdate(source, afterFirst);
    expect(a.session.handle(encodeUpdate(orphan))).toBeUndefined();
    const room = registry.loaded(board.key)!;
    await room.flush();
    expect(a.peer.closed?.code).toBe(WS_CLOSE.policyViolation);
    expect((await roomDoc(room)).getMap("elements").has("big")).toBe(false);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(0);
    await registry.closeAll();
  });

  it("flushes and compacts when the last editor leaves, and a reload restores the board", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    for (let i = 0; i < 5; i++) edit(a.peer, a.session, setElement(`e${i}`));
    a.session.leave();
    await eventually(() => expect(registry.loaded(board.key)).toBeUndefined());
    // The room leaves the registry before its unload has written and folded (and its doc's
    // thread may still be applying): wait for the fold's result, an empty log beside a snapshot.
    await eventually(async () => {
      const stored = (await store.loadDoc(board.key))!;
      expect(stored.snapshot).toBeDefined();
      expect(stored.updates).toHaveLength(0);
    });

    const again = await join(registry, board.key);
    await eventually(() => expect([...again.peer.doc.getMap("elements").keys()].sort()).toEqual(["e0", "e1", "e2", "e3", "e4"]));
  });

  it("compacts the log into a snapshot, in the store's worker, once it passes the row bound", async () => {
    const { board, registry, store } = await setupHere({ compactMaxRows: 3 });
    const compactDoc = vi.spyOn(store, "compactDoc");
    const a = await join(registry, board.key);
    for (let i = 0; i < 3; i++) {
      edit(a.peer, a.session, setElement(`e${i}`));
      await registry.loaded(board.key)!.flush();
    }
    await eventually(async () => expect((await store.loadDoc(board.key))!.updates).toHaveLength(0));
    expect((await store.loadDoc(board.key))!.snapshot).toBeDefined();
    expect(compactDoc).toHaveBeenCalledWith(board.key, expect.any(Number));
  });

  it("compacts when the log outgrows half the snapshot, not on every few updates of a large board", async () => {
    const { board, registry, store } = await setupHere({ compactMinBytes: 0, compactLogRatio: 0.5 });
    const compactDoc = vi.spyOn(store, "compactDoc");
    const a = await join(registry, board.key);
    // A first, large edit: it alone outweighs the (empty) snapshot, so it is folded.
    edit(a.peer, a.session, (doc) => {
      for (let i = 0; i < 200; i++) doc.getMap("elements").set(`big${i}`, new Y.Map([["text", "x".repeat(100)]]));
    });
    await registry.loaded(board.key)!.flush();
    await eventually(() => expect(compactDoc).toHaveBeenCalledTimes(1));
    await eventually(async () => expect((await store.loadDoc(board.key))!.updates).toHaveLength(0));
    // Small edits after it stay in the log until they add up to half the snapshot.
    for (let i = 0; i < 5; i++) {
      edit(a.peer, a.session, setElement(`small${i}`));
      await registry.loaded(board.key)!.flush();
    }
    expect(compactDoc).toHaveBeenCalledTimes(1);
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(5);
  });

  it("compacts a board that went quiet with something logged", async () => {
    const { board, registry, store } = await setupHere({ compactQuietMs: 30 });
    const a = await join(registry, board.key);
    edit(a.peer, a.session, setElement("one"));
    await registry.loaded(board.key)!.flush();
    expect((await store.loadDoc(board.key))!.updates).toHaveLength(1);
    await eventually(async () => expect((await store.loadDoc(board.key))!.updates).toHaveLength(0));
  });

  it("records the element count as elements come and go, also for a loaded board", async () => {
    const { board, registry, store } = await setupHere();
    const a = await join(registry, board.key);
    for (const id of ["a", "b", "c"]) edit(a.peer, a.session, setElement(id));
    edit(a.peer, a.session, (doc) => doc.getMap("elements").delete("b"));
    // Updating an element is neither an addition nor a deletion.
    edit(a.peer, a.session, (doc) => (doc.getMap("elements").get("a") as Y.Map<unknown>).set("x", 5));
    await registry.loaded(board.key)!.flush();
    expect((await store.getBoard(board.id))!.elementCount).toBe(2);
    a.session.leave();
    await eventually(() => expect(registry.loaded(board.key)).toBeUndefined());
    const again = await join(registry, board.key);
    edit(again.peer, again.session, setElement("d"));
    await registry.loaded(board.key)!.flush();
    expect((await store.getBoard(board.id))!.elementCount).toBe(3);
  });

  it("keeps an empty room loaded during the grace period, so a quick rejoin reuses it", async () => {
    const { board, registry } = await setupHere({ unloadGraceMs: 10_000 });
    const a = await join(registry, board.key);
    const room = registry.loaded(board.key);
    a.session.leave();
    await join(registry, board.key);
    expect(registry.loaded(board.key)).toBe(room);
    await registry.closeAll();
  });
});

describe("Room, a board loaded small that grew large while open", () => {
  it("has the store's worker encode a changed large board for a newcomer, which still ends up with everything", async () => {
    const { board, registry, store } = await setup({ offLoopBytes: 10 });
    const a = await join(registry, board.key);
    edit(a.peer, a.session, setElement("stored"));
    await registry.loaded(board.key)!.flush();
    const openDoc = vi.spyOn(store, "openDoc");
    const newcomer = await join(registry, board.key);
    // Written after the newcomer attached: it arrives as a forwarded update, whatever the order.
    edit(a.peer, a.session, setElement("after"));
    await registry.loaded(board.key)!.flush();
    await eventually(() => expect([...newcomer.peer.doc.getMap("elements").keys()].sort()).toEqual(["after", "stored"]));
    expect(openDoc).toHaveBeenCalledWith(board.key);
  });

  it("moves its doc to a thread of its own, and nothing sent during the move is lost", async () => {
    const { board, registry, store } = await setup({ offLoopBytes: 2_000 });
    // Slow writes: a batch is still being written while the move reads the store.
    const append = store.appendUpdates.bind(store);
    vi.spyOn(store, "appendUpdates").mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return append(...args);
    });
    const a = await join(registry, board.key);
    const room = registry.loaded(board.key)!;
    expect(room.docWhere).toBe("event loop");
    let i = 0;
    while (room.docWhere === "event loop" && i < 500) {
      edit(a.peer, a.session, setElement(`e${i++}`));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(room.docWhere).toBe("own thread");
    for (let k = 0; k < 20; k++) edit(a.peer, a.session, setElement(`after${k}`));
    await room.flush();
    const expected = [...a.peer.doc.getMap("elements").keys()].sort();
    expect((await roomDoc(room)).getMap("elements").size).toBe(expected.length);
    const newcomer = await join(registry, board.key);
    await eventually(() => expect([...newcomer.peer.doc.getMap("elements").keys()].sort()).toEqual(expected));
    expect((await store.getBoard(board.id))!.elementCount).toBe(expected.length);
    await registry.closeAll();
  });
});

describe("RoomRegistry", () => {
  it("loads a board once when several editors arrive during the load", async () => {
    const { board, registry, store } = await setup();
    const load = vi.spyOn(store, "openDoc");
    const sessions = await Promise.all(Array.from({ length: 5 }, () => registry.joinEditor(board.key, new FakePeer())));
    expect(load).toHaveBeenCalledTimes(1);
    expect(sessions.every((s) => s !== undefined)).toBe(true);
    expect(registry.counts(board.key)).toEqual({ editors: 5, viewers: 0 });
  });

  it("refuses a board that does not exist", async () => {
    const { registry } = await setup();
    expect(await registry.joinEditor("AAAAAAAAAAAAAAAAAAAAAA", new FakePeer())).toBeUndefined();
  });

  it("refuses a join whose capability was checked before the board's links were reset, and admits a later one", async () => {
    const { board, registry } = await setup();
    const before = registry.mark();
    await registry.boardGone(board.key, WS_CLOSE.linksReset);
    expect(await registry.joinEditor(board.key, new FakePeer(), before)).toBeUndefined();
    expect(registry.retiredSince(board.key, before)).toBe(WS_CLOSE.linksReset);
    const after = registry.mark();
    expect(registry.retiredSince(board.key, after)).toBeUndefined();
    expect(await registry.joinEditor(board.key, new FakePeer(), after)).toBeDefined();
  });

  it("tells its listeners the board's key whenever an editor joins or leaves", async () => {
    const { board, registry } = await setup();
    const changed: string[] = [];
    registry.onCountsChange((key) => changed.push(key));
    const a = await join(registry, board.key);
    expect(changed).toEqual([board.key]);
    a.session.leave();
    expect(changed).toEqual([board.key, board.key]);
  });

  it("disconnects everyone when the store fails, and serves a freshly loaded room afterwards", async () => {
    const { board, registry, store } = await setup();
    const a = await join(registry, board.key);
    const failing = vi.spyOn(store as Store, "appendUpdates").mockRejectedValueOnce(new Error("disk full"));
    edit(a.peer, a.session, setElement("lost-here"));
    await registry.loaded(board.key)?.flush();
    await eventually(() => expect(a.peer.closed?.code).toBe(WS_CLOSE.storageUnavailable));
    failing.mockRestore();
    const again = await join(registry, board.key);
    // The editor still holds its change and re-sends it on reconnect; the new room accepts it.
    edit(again.peer, again.session, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.peer.doc)));
    await registry.loaded(board.key)!.flush();
    expect((await store.loadDoc(board.key))!.updates.length).toBeGreaterThan(0);
  });
});

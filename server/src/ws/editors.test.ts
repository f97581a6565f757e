import { roomDoc } from "../test/room-doc.js";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WS_CLOSE } from "@whiteboard/shared";
import { startTestServer, type TestServer } from "../test/server.js";
import { connectProvider, eventually, openRaw, upgradeStatus } from "../test/editors.js";
import { encodeAwarenessUpdate } from "../protocol/awareness.js";
import { encodeAwarenessMessage, encodeUpdate } from "../protocol/messages.js";

/** A board, with the internal key its room is found by. */
async function newBoard(server: TestServer): Promise<{ id: string; viewId: string; key: string }> {
  const board = (await (await server.request("/api/boards", { method: "POST" })).json()) as { id: string; viewId: string };
  return { ...board, key: await server.keyOf(board.id) };
}

function addStroke(doc: Y.Doc, id: string, points: number[] = [0, 0, 0.5, 10, 10, 0.5]): void {
  doc.transact(() => {
    const element = new Y.Map<unknown>();
    element.set("type", "stroke");
    element.set("x", 100);
    element.set("y", 100);
    element.set("color", "#1e1e1e");
    element.set("width", 4);
    element.set("z", 1);
    element.set("createdBy", "test");
    element.set("points", Y.Array.from(points));
    doc.getMap("elements").set(id, element);
  });
}

async function stillSyncing(a: { doc: Y.Doc }, b: { doc: Y.Doc }, id: string): Promise<void> {
  addStroke(a.doc, id);
  await eventually(() => expect(b.doc.getMap("elements").has(id)).toBe(true));
}

const elementIds = (doc: Y.Doc) => [...doc.getMap("elements").keys()].sort();

describe("editors over the y-websocket protocol", () => {
  it("two stock providers converge on one board", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const b = await connectProvider(server.url, board.id);
    addStroke(a.doc, "from-a");
    addStroke(b.doc, "from-b");
    await eventually(() => {
      expect(elementIds(a.doc)).toEqual(["from-a", "from-b"]);
      expect(elementIds(b.doc)).toEqual(["from-a", "from-b"]);
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it("a stroke's points appended later reach the other editor", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const b = await connectProvider(server.url, board.id);
    addStroke(a.doc, "s", [0, 0, 0.5]);
    await eventually(() => expect(b.doc.getMap("elements").has("s")).toBe(true));
    const points = (a.doc.getMap("elements").get("s") as Y.Map<unknown>).get("points") as Y.Array<number>;
    points.push([5, 5, 0.5]);
    await eventually(() =>
      expect(((b.doc.getMap("elements").get("s") as Y.Map<unknown>).get("points") as Y.Array<number>).toArray()).toEqual([
        0, 0, 0.5, 5, 5, 0.5,
      ]),
    );
  });

  it("an editor joining later receives the whole board", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    for (let i = 0; i < 20; i++) addStroke(a.doc, `s${i}`);
    const b = await connectProvider(server.url, board.id);
    addStroke(b.doc, "late");
    const c = await connectProvider(server.url, board.id);
    await eventually(() => expect(elementIds(c.doc)).toEqual(elementIds(a.doc)));
    expect(elementIds(c.doc)).toHaveLength(21);
  });

  it("keeps the board across a server restart on the same data directory", async () => {
    const first = await startTestServer();
    const board = await newBoard(first);
    const a = await connectProvider(first.url, board.id);
    for (let i = 0; i < 5; i++) addStroke(a.doc, `s${i}`);
    await eventually(async () => expect(elementIds(await roomDoc(first.app.rooms.loaded(board.key)!))).toHaveLength(5));
    const expected = Y.encodeStateAsUpdate(a.doc);
    a.destroy();
    await first.app.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    const b = await connectProvider(second.url, board.id);
    expect(elementIds(b.doc)).toHaveLength(5);
    const reference = new Y.Doc();
    Y.applyUpdate(reference, expected);
    expect(b.doc.getMap("elements").toJSON()).toEqual(reference.getMap("elements").toJSON());
  });

  it("reports edits and editors in the boards API, and the creator's library ETag follows", async () => {
    const server = await startTestServer();
    const owner = server.member();
    const board = (await (await owner.request("/api/boards", { method: "POST" })).json()) as { id: string };
    const etagBefore = (await owner.request("/api/library")).headers.get("etag");
    const a = await connectProvider(server.url, board.id);
    await connectProvider(server.url, board.id);
    addStroke(a.doc, "one");
    addStroke(a.doc, "two");
    await eventually(async () => {
      const got = (await (await server.request(`/api/boards/${board.id}`)).json()) as Record<string, unknown>;
      expect(got).toMatchObject({ editors: 2, elementCount: 2 });
    });
    expect((await owner.request("/api/library")).headers.get("etag")).not.toBe(etagBefore);
  });
});

describe("refused upgrades", () => {
  it("refuses an unknown board with 404 and SPEC's body, creating nothing", async () => {
    const server = await startTestServer();
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "short", "..%2F..%2Fetc"]) {
      const { status, body } = await upgradeStatus(`ws://${server.url.host}/ws/${id}`);
      expect(status).toBe(404);
      expect(JSON.parse(body).error.code).toBe("not_found");
    }
    expect(await server.app.store.listBoards()).toEqual([]);
  });

  it("refuses a foreign Origin with 403, and admits its own, an allowed one, and none", async () => {
    const server = await startTestServer({ allowedOrigins: ["https://allowed.example"] });
    const board = await newBoard(server);
    const url = `ws://${server.url.host}/ws/${board.id}`;
    expect((await upgradeStatus(url, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await upgradeStatus(url, { Origin: `http://${server.url.host}` })).status).toBe(101);
    expect((await upgradeStatus(url, { Origin: "https://allowed.example" })).status).toBe(101);
    expect((await upgradeStatus(url)).status).toBe(101);
  });
});

describe("misbehaving editors are closed alone", () => {
  async function twoHonestEditors(server: TestServer, boardId: string) {
    const a = await connectProvider(server.url, boardId);
    const b = await connectProvider(server.url, boardId);
    return { a, b };
  }


  it("closes a frame over the size limit with 1009 while others keep syncing", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const { a, b } = await twoHonestEditors(server, board.id);
    const bad = await openRaw(server.url, board.id);
    bad.ws.send(new Uint8Array(9 * 1024 * 1024));
    expect((await bad.closed).code).toBe(WS_CLOSE.tooLarge);
    await stillSyncing(a, b, "after-oversize");
  });

  it("closes undecodable bytes with 1007, storing and forwarding nothing", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const { a, b } = await twoHonestEditors(server, board.id);
    const bad = await openRaw(server.url, board.id);
    bad.ws.send(new Uint8Array([0, 2, 50, 1, 2, 3, 4, 5, 6, 7]));
    expect((await bad.closed).code).toBe(WS_CLOSE.invalidData);
    const garbage = await openRaw(server.url, board.id);
    garbage.ws.send(new Uint8Array([77, 1, 2, 3]));
    expect((await garbage.closed).code).toBe(WS_CLOSE.invalidData);
    const text = await openRaw(server.url, board.id);
    text.ws.send("hello");
    expect((await text.closed).code).toBe(WS_CLOSE.invalidData);
    await stillSyncing(a, b, "after-garbage");
    expect(elementIds(b.doc)).toEqual(["after-garbage"]);
  });

  it("closes an update that decodes as a frame but not as Yjs with 1007, the room's doc untouched", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const { a, b } = await twoHonestEditors(server, board.id);
    const room = server.app.rooms.loaded(board.key)!;
    const before = await room.wholeState();
    // A real update cut short: a valid prefix that Yjs cannot finish reading.
    const source = new Y.Doc();
    addStroke(source, "truncated", Array.from({ length: 300 }, (_, i) => i));
    const full = Y.encodeStateAsUpdate(source);
    const bad = await openRaw(server.url, board.id);
    bad.ws.send(encodeUpdate(full.slice(0, Math.floor(full.length / 2))));
    expect((await bad.closed).code).toBe(WS_CLOSE.invalidData);
    expect(await room.wholeState()).toEqual(before);
    await stillSyncing(a, b, "after-truncated");
    expect(b.doc.getMap("elements").has("truncated")).toBe(false);
  });

  it("closes a flood of messages with 1008 while others keep syncing", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const { a, b } = await twoHonestEditors(server, board.id);
    const bad = await openRaw(server.url, board.id);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 5000 && bad.ws.readyState === bad.ws.OPEN; i++) bad.ws.send(query);
    expect((await bad.closed).code).toBe(WS_CLOSE.policyViolation);
    await stillSyncing(a, b, "after-flood");
  });

  it("closes an oversized awareness state with 1008", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const bad = await openRaw(server.url, board.id);
    const state = JSON.stringify({ user: { name: "x".repeat(20_000) } });
    bad.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 1, clock: 1, state }])));
    expect((await bad.closed).code).toBe(WS_CLOSE.policyViolation);
  });

  it("relays only the client ids a connection owns: fake ids beyond the cap go nowhere", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const observer = await connectProvider(server.url, board.id);
    const bad = await openRaw(server.url, board.id);
    const fakes = Array.from({ length: 1000 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: '{"cursor":null}' }));
    bad.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate(fakes)));
    await eventually(() => expect(observer.awareness.getStates().size).toBeGreaterThan(1));
    // Its own state plus at most the per-connection cap of claimed ids.
    expect(observer.awareness.getStates().size).toBeLessThanOrEqual(1 + 4);
    bad.ws.close();
    await eventually(() => expect(observer.awareness.getStates().size).toBe(1));
  });
});

describe("an editor that does not read", () => {
  it("is dropped once its unread buffer passes the bound, while the others keep syncing", async () => {
    const server = await startTestServer({ connection: { maxBufferedBytes: 256 * 1024 } });
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const b = await connectProvider(server.url, board.id);
    const stalled = await openRaw(server.url, board.id);
    stalled.ws.pause();
    await eventually(async () => {
      const got = (await (await server.request(`/api/boards/${board.id}`)).json()) as { editors: number };
      expect(got.editors).toBe(3);
    });
    // Big strokes until the kernel's buffers are full and the server's bound is passed
    // (bounded: at most about 40 MB).
    for (let i = 0; i < 200 && server.app.rooms.counts(board.key).editors === 3; i++) {
      addStroke(a.doc, `big-${i}`, Array.from({ length: 15_000 }, (_, k) => k));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(server.app.rooms.counts(board.key).editors).toBe(2);
    await stillSyncing(a, b, "after-stall");
  }, 30_000);
});

describe("an editor that reads", () => {
  it("is kept when a batch of updates forwarded to it in one write is larger than the unread-buffer bound", async () => {
    const server = await startTestServer({ connection: { maxBufferedBytes: 64 * 1024 } });
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const b = await connectProvider(server.url, board.id);
    // Four strokes of about 100 KB each in one turn: the room forwards them to b together.
    for (let i = 0; i < 4; i++) addStroke(a.doc, `burst-${i}`, Array.from({ length: 12_000 }, (_, k) => k));
    await eventually(() => expect(elementIds(b.doc)).toEqual(["burst-0", "burst-1", "burst-2", "burst-3"]));
    expect(server.app.rooms.counts(board.key).editors).toBe(2);
  });
});

describe("a large board", () => {
  it("an editor joining a board many times the buffer bound receives all of it while others keep drawing", async () => {
    const server = await startTestServer({ connection: { maxBufferedBytes: 64 * 1024 } });
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    // About 1 MB of strokes: the newcomer's sync step 2 is many times the bound.
    for (let i = 0; i < 40; i++) addStroke(a.doc, `seed-${i}`, Array.from({ length: 6000 }, (_, k) => k));
    await eventually(async () => expect(elementIds(await roomDoc(server.app.rooms.loaded(board.key)!))).toHaveLength(40));
    const drawing = setInterval(() => addStroke(a.doc, `live-${Date.now()}-${Math.random()}`), 5);
    try {
      const b = await connectProvider(server.url, board.id);
      await stillSyncing(a, b, "after-big-sync");
      expect(server.app.rooms.counts(board.key).editors).toBe(2);
      expect(elementIds(b.doc).filter((id) => id.startsWith("seed-"))).toHaveLength(40);
    } finally {
      clearInterval(drawing);
    }
  }, 30_000);
});

describe("presence", () => {
  it("shows an editor's cursor to the others and removes it when the editor leaves", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const b = await connectProvider(server.url, board.id);
    b.awareness.setLocalState({ user: { name: "Bob", color: "#e03131" }, cursor: { x: 12, y: 34 } });
    await eventually(() =>
      expect(a.awareness.getStates().get(b.awareness.clientID)).toEqual({
        user: { name: "Bob", color: "#e03131" },
        cursor: { x: 12, y: 34 },
      }),
    );
    b.destroy();
    await eventually(() => expect(a.awareness.getStates().has(b.awareness.clientID)).toBe(false));
  });

  it("drops an editor that stops answering pings and removes its cursor at once", async () => {
    const server = await startTestServer({ connection: { pingIntervalMs: 100 } });
    const board = await newBoard(server);
    const a = await connectProvider(server.url, board.id);
    const silent = await openRaw(server.url, board.id, { autoPong: false });
    const state = JSON.stringify({ user: { name: "Ghost", color: "#000" }, cursor: { x: 1, y: 1 } });
    silent.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 4242, clock: 1, state }])));
    await eventually(() => expect(a.awareness.getStates().has(4242)).toBe(true));
    await silent.closed;
    await eventually(() => expect(a.awareness.getStates().has(4242)).toBe(false));
  });
});

describe("deleting a board", () => {
  it("closes its editors with 4404 and a reason, and refuses new ones", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await openRaw(server.url, board.id);
    expect((await server.request(`/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await editor.closed).toEqual({ code: WS_CLOSE.boardDeleted, reason: "board deleted" });
    expect((await upgradeStatus(`ws://${server.url.host}/ws/${board.id}`)).status).toBe(404);
  });
});

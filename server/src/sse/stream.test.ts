import net from "node:net";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_VIEWER_FEED_OPTIONS } from "../rooms/viewer-feed.js";
import { startTestServer, type TestServer } from "../test/server.js";
import { connectProvider, eventually } from "../test/editors.js";
import { watch } from "../test/viewers.js";

/** A board, with the internal key its room is found by. */
async function newBoard(server: TestServer): Promise<{ id: string; viewId: string; key: string }> {
  const board = (await (await server.request("/api/boards", { method: "POST" })).json()) as { id: string; viewId: string };
  return { ...board, key: await server.keyOf(board.id) };
}

function draw(doc: Y.Doc, id: string, points = 30): void {
  doc.transact(() => {
    const element = new Y.Map<unknown>();
    element.set("type", "stroke");
    element.set("x", 10);
    element.set("y", 20);
    element.set("points", Y.Array.from(Array.from({ length: points * 3 }, (_, i) => i)));
    doc.getMap("elements").set(id, element);
  });
}

const sameDoc = (a: Y.Doc, b: Y.Doc) => {
  expect(b.getMap("elements").toJSON()).toEqual(a.getMap("elements").toJSON());
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
};

describe("viewer feed over SSE", () => {
  it("streams a snapshot then updates that reproduce the editors' document exactly", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    draw(editor.doc, "before-viewer");
    const viewer = watch(`${server.url}api/view/${board.viewId}/events`);
    await eventually(() => expect(viewer.kinds()[0]).toBe("snapshot"));
    for (let i = 0; i < 10; i++) draw(editor.doc, `live-${i}`);
    const other = await connectProvider(server.url, board.id);
    draw(other.doc, "from-second-editor");
    await eventually(() => sameDoc(editor.doc, viewer.doc));
    expect(Y.encodeStateAsUpdate(viewer.doc)).toEqual(Y.encodeStateAsUpdate(editor.doc));
    expect(viewer.kinds().filter((k) => k === "snapshot")).toHaveLength(1);
    expect(viewer.kinds()).toContain("update");
  });

  it("answers with SPEC's headers and a retry hint, and never names the edit id", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    editor.awareness.setLocalState({ user: { name: "Ann", color: "#000" }, cursor: { x: 1, y: 2 } });
    draw(editor.doc, "x");
    const controller = new AbortController();
    const res = await server.request(`/api/view/${board.viewId}/events`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toMatch(/no-cache/);
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(res.headers.get("content-encoding")).toBeNull();
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: presence")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text.startsWith("retry: ")).toBe(true);
    expect(text).toContain("event: snapshot");
    expect(text).not.toContain(board.id);
    for (const value of res.headers.values()) expect(value).not.toContain(board.id);
  });

  it("resumes with Last-Event-ID: only the missed updates, no snapshot, ending identical", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    draw(editor.doc, "seen");
    const first = watch(`${server.url}api/view/${board.viewId}/events`);
    await eventually(() => sameDoc(editor.doc, first.doc));
    const lastId = first.lastId()!;
    first.source.close();
    for (let i = 0; i < 5; i++) draw(editor.doc, `missed-${i}`);
    await server.app.rooms.loaded(board.key)!.flush();

    const resumed = watch(`${server.url}api/view/${board.viewId}/events`, { lastEventId: lastId });
    // Start from what the first connection had, as a reconnecting EventSource's page does.
    Y.applyUpdate(resumed.doc, Y.encodeStateAsUpdate(first.doc));
    await eventually(() => sameDoc(editor.doc, resumed.doc));
    expect(resumed.kinds()).not.toContain("snapshot");
    expect(resumed.kinds()).toContain("update");
    const ids = resumed.events.map((e) => Number(e.id));
    expect(Math.min(...ids)).toBeGreaterThan(Number(lastId));
  });

  it("answers an id from before the log (or an earlier server) with a snapshot", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    draw(editor.doc, "x");
    const viewer = watch(`${server.url}api/view/${board.viewId}/events`, { lastEventId: "1000" });
    await eventually(() => sameDoc(editor.doc, viewer.doc));
    expect(viewer.kinds()[0]).toBe("snapshot");
  });

  it("sends presence with each editor's name, colour and cursor, and the viewer count", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    editor.awareness.setLocalState({ user: { name: "Ann", color: "#e03131" }, cursor: { x: 5, y: 6 } });
    const viewer = watch(`${server.url}api/view/${board.viewId}/events`);
    const second = watch(`${server.url}api/view/${board.viewId}/events`);
    await eventually(() =>
      expect(viewer.presence()).toEqual({
        editors: [{ clientId: editor.awareness.clientID, name: "Ann", color: "#e03131", cursor: { x: 5, y: 6 } }],
        viewers: 2,
      }),
    );
    editor.awareness.setLocalStateField("cursor", { x: 50, y: 60 });
    await eventually(() => expect(viewer.presence()?.editors[0]?.cursor).toEqual({ x: 50, y: 60 }));
    second.source.close();
    await eventually(() => expect(viewer.presence()?.viewers).toBe(1));
  });

  it("counts viewers in the boards API and notices one leaving at once", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const a = watch(`${server.url}api/view/${board.viewId}/events`);
    watch(`${server.url}api/view/${board.viewId}/events`);
    const viewers = async () => ((await (await server.request(`/api/boards/${board.id}`)).json()) as { viewers: number }).viewers;
    await eventually(async () => expect(await viewers()).toBe(2));
    a.source.close();
    await eventually(async () => expect(await viewers()).toBe(1), 1000);
  });

  it("sends deleted when the board is deleted, then ends the stream", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    const viewer = watch(`${server.url}api/view/${board.viewId}/events`);
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));
    const ended = new Promise<void>((resolve) => viewer.source.addEventListener("error", () => resolve()));
    expect((await server.request(`/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
    await eventually(() => expect(viewer.kinds().at(-1)).toBe("deleted"));
    await ended;
    // Its reconnect finds no board.
    const res = await server.request(`/api/view/${board.viewId}/events`);
    expect(res.status).toBe(404);
  });

  it("answers an unknown view id with a JSON 404, not an empty stream", async () => {
    const server = await startTestServer();
    const board = await newBoard(server);
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "x", "..%2F..", board.id]) {
      const res = await server.request(`/api/view/${id}/events`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("a viewer that stops reading is cut off with bounded memory, and the others keep up", async () => {
    const server = await startTestServer({
      rooms: { viewers: { ...DEFAULT_VIEWER_FEED_OPTIONS, updateBatchMs: 50, presenceIntervalMs: 50, maxBufferedBytes: 256 * 1024 } },
    });
    const board = await newBoard(server);
    const editor = await connectProvider(server.url, board.id);
    const healthy = watch(`${server.url}api/view/${board.viewId}/events`);

    // A raw client that sends the request and then never reads a byte.
    const stalled = net.connect(Number(server.url.port), "127.0.0.1");
    stalled.on("error", () => {});
    stalled.write(`GET /api/view/${board.viewId}/events HTTP/1.1\r\nHost: ${server.url.host}\r\n\r\n`);
    stalled.pause();
    await eventually(() => expect(server.app.rooms.counts(board.key).viewers).toBe(2));

    // Keep drawing big strokes until the kernel's socket buffers are full and the server's own
    // bound is reached (bounded: at most about 60 MB of strokes).
    for (let i = 0; i < 300 && server.app.rooms.counts(board.key).viewers === 2; i++) {
      draw(editor.doc, `big-${i}`, 5000);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.app.rooms.counts(board.key).viewers).toBe(1);
    await eventually(() => sameDoc(editor.doc, healthy.doc), 10_000);
    stalled.destroy();
  }, 30_000);
});

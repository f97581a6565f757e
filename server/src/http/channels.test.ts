import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { channelStatsSchema, type ChannelStats } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import { createBoard } from "../test/http.js";
import { eventually } from "../test/editors.js";
import { watch } from "../test/viewers.js";

async function stats(base: URL): Promise<ChannelStats> {
  const res = await fetch(new URL("/api/channels", base));
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return channelStatsSchema.parse(await res.json());
}

/** The stock provider over a `ws` socket that counts what it receives, as the server should have sent it. */
function countingProvider(base: URL, boardId: string, doc: Y.Doc) {
  const received = { messages: 0, bytes: 0 };
  class CountingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on("message", (data: Buffer) => {
        received.messages++;
        received.bytes += data.byteLength;
      });
    }
  }
  const provider = new WebsocketProvider(`ws://${base.host}/ws`, boardId, doc, {
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { provider, received };
}

describe("GET /api/channels", () => {
  it("counts each channel's connections, messages and bytes as its clients received them, and the open ones drop to zero when they leave", async () => {
    const server = await startTestServer();
    const member = server.member();
    const board = await createBoard(member, "Counted");
    const idle = await stats(server.url);
    expect(idle).toEqual({
      websocket: { open: 0, opened: 0, messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 },
      sse: { open: 0, opened: 0, messagesOut: 0, bytesOut: 0 },
      polling: { requests: 0, notModified: 0, bytesOut: 0 },
    });

    const doc = new Y.Doc();
    const editor = countingProvider(server.url, board.id, doc);
    await new Promise<void>((resolve) => editor.provider.once("sync", () => resolve()));
    // A raw stream reader, so the bytes the server counts can be compared with the bytes that arrived.
    const stream = await fetch(new URL(`/api/view/${board.viewId}/events`, server.url));
    const reader = stream.body!.getReader();
    let streamBytes = 0;
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        streamBytes += value.byteLength;
      }
    })().catch(() => {});
    await eventually(() => expect(streamBytes).toBeGreaterThan(0));
    const beforeDrawing = (await stats(server.url)).sse.messagesOut;
    doc.getMap("elements").set("drawn", new Y.Map());
    await eventually(async () => {
      // The update has gone out, and the reader has had every byte the server counts.
      const now = await stats(server.url);
      expect(now.sse.messagesOut).toBeGreaterThan(beforeDrawing);
      expect(streamBytes).toBe(now.sse.bytesOut);
    });

    const first = await member.request("/api/library");
    expect(first.status).toBe(200);
    const body = await first.text();
    const again = await member.request("/api/library", { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);

    const live = await stats(server.url);
    expect(live.websocket).toMatchObject({ open: 1, opened: 1 });
    expect(live.websocket.messagesIn).toBeGreaterThanOrEqual(2); // sync step 1 and the update, at least
    expect(live.websocket.messagesOut).toBe(editor.received.messages);
    expect(live.websocket.bytesOut).toBe(editor.received.bytes);
    expect(live.sse).toMatchObject({ open: 1, opened: 1 });
    expect(live.sse.messagesOut).toBeGreaterThanOrEqual(3); // the retry hint, the snapshot and the update
    expect(live.polling).toEqual({ requests: 2, notModified: 1, bytesOut: Buffer.byteLength(body) });

    editor.provider.destroy();
    await reader.cancel();
    await eventually(async () => {
      const after = await stats(server.url);
      expect(after.websocket.open).toBe(0);
      expect(after.sse.open).toBe(0);
      expect(after.sse.opened).toBe(1);
    });
    doc.destroy();
  });

  it("names no board: its body holds neither id of a live board, only numbers", async () => {
    const server = await startTestServer();
    const board = await createBoard(server.member(), "Secret name");
    const viewer = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));
    const text = await (await fetch(new URL("/api/channels", server.url))).text();
    expect(text).not.toContain(board.id);
    expect(text).not.toContain(board.viewId);
    expect(text).not.toContain("Secret name");
    const numbers = Object.values(JSON.parse(text) as Record<string, Record<string, unknown>>).flatMap((c) => Object.values(c));
    expect(numbers.every((n) => typeof n === "number")).toBe(true);
  });
});

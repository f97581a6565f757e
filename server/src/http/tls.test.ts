import https from "node:https";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startTestServer } from "../test/server.js";
import { testCertificate } from "../test/tls.js";
import { http2Connection } from "../test/http2-client.js";
import { connectProvider, eventually } from "../test/editors.js";
import { watch } from "../test/viewers.js";
import { drawRect } from "../test/draw.js";
import { startChildServer } from "../test/child-server.js";
import { tempDir } from "../test/temp-dir.js";

const { cert, key } = testCertificate();

/** HTTP/1.1 over TLS, as a client without h2 (or a WebSocket upgrade) speaks it. */
function http1Get(url: URL): Promise<{ status: number; body: string; alpn: string | false | null }> {
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions & import("node:tls").ConnectionOptions = { ca: cert, ALPNProtocols: ["http/1.1"], agent: false };
    const request = https.get(url, options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, alpn: (res.socket as import("node:tls").TLSSocket).alpnProtocol }));
    });
    request.on("error", reject);
  });
}

async function newBoardOver(fetchOver: typeof fetch, base: URL): Promise<{ id: string; viewId: string }> {
  const res = await fetchOver(new URL("/api/boards", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin: base.origin },
    body: JSON.stringify({ name: "Over h2" }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; viewId: string };
}

describe("HTTPS with HTTP/2 and HTTP/1.1 on one port", () => {
  it("serves the API over h2, a live SSE stream to a real EventSource over h2, and the stock provider over wss on the same port", async () => {
    const server = await startTestServer({ tls: { cert, key } });
    expect(server.url.protocol).toBe("https:");
    const h2 = await http2Connection(server.url, cert);
    const health = await h2.fetch(new URL("/healthz", server.url));
    expect(health.status).toBe(200);
    // Same-origin writes are told apart by `:authority`, since HTTP/2 has no Host header...
    const board = await newBoardOver(h2.fetch, server.url);
    // ...and a foreign origin is still refused.
    const foreign = await h2.fetch(new URL("/api/boards", server.url), {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
    expect(health.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);

    const editor = await connectProvider(server.url, board.id, new Y.Doc(), cert);
    const viewer = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href, { fetch: h2.fetch });
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));
    drawRect(editor.doc, "drawn-over-wss");
    await eventually(() => expect(viewer.doc.getMap("elements").has("drawn-over-wss")).toBe(true));
    expect(viewer.kinds()).toContain("update");
  });

  it("multiplexes ten viewer streams of ten boards on one HTTP/2 connection, all live", async () => {
    const server = await startTestServer({ tls: { cert, key } });
    const h2 = await http2Connection(server.url, cert);
    const boards = await Promise.all(Array.from({ length: 10 }, () => newBoardOver(h2.fetch, server.url)));
    const viewers = boards.map((board) => watch(new URL(`/api/view/${board.viewId}/events`, server.url).href, { fetch: h2.fetch }));
    await eventually(() => expect(viewers.every((v) => v.kinds().includes("snapshot"))).toBe(true));
    const editors = await Promise.all(boards.map((board) => connectProvider(server.url, board.id, new Y.Doc(), cert)));
    editors.forEach((editor, i) => drawRect(editor.doc, `stroke-${i}`));
    await eventually(() => expect(viewers.every((v, i) => v.doc.getMap("elements").has(`stroke-${i}`))).toBe(true));
    // One connection carried all of it: the 10 creations and the 10 streams.
    expect(h2.session.destroyed).toBe(false);
    expect(h2.streamsOpened()).toBe(20);
  });

  it("starts from TLS_CERT and TLS_KEY as `npm start` does, saying listening on https://HOST:PORT, and speaks h2 there", async () => {
    const { certFile, keyFile } = testCertificate();
    const { url } = await startChildServer(tempDir(), { TLS_CERT: certFile, TLS_KEY: keyFile });
    expect(url.href).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/?$/);
    const h2 = await http2Connection(url, cert);
    expect((await h2.fetch(new URL("/healthz", url))).status).toBe(200);
  });

  it("still answers HTTP/1.1 clients over TLS", async () => {
    const server = await startTestServer({ tls: { cert, key } });
    const res = await http1Get(new URL("/healthz", server.url));
    expect(res).toMatchObject({ status: 200, alpn: "http/1.1" });
  });

  it("resumes an HTTP/2 viewer from the lastEventId query parameter with only what it missed", async () => {
    const server = await startTestServer({ tls: { cert, key } });
    const h2 = await http2Connection(server.url, cert);
    const board = await newBoardOver(h2.fetch, server.url);
    const editor = await connectProvider(server.url, board.id, new Y.Doc(), cert);
    const first = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href, { fetch: h2.fetch });
    drawRect(editor.doc, "seen");
    await eventually(() => expect(first.doc.getMap("elements").has("seen")).toBe(true));
    const lastId = first.lastId()!;
    first.source.close();
    drawRect(editor.doc, "missed");
    await eventually(async () => expect((await server.app.store.getBoard(board.id))!.elementCount).toBe(2));
    const resumed = watch(new URL(`/api/view/${board.viewId}/events?lastEventId=${lastId}`, server.url).href, { fetch: h2.fetch });
    await eventually(() => expect(resumed.kinds()).toContain("update"));
    expect(resumed.kinds()).not.toContain("snapshot");
  });

  it("closes idle HTTP/2 connections when it shuts down, instead of waiting on them", async () => {
    const server = await startTestServer({ tls: { cert, key } });
    const h2 = await http2Connection(server.url, cert);
    await h2.fetch(new URL("/healthz", server.url));
    const closed = new Promise<void>((resolve) => h2.session.once("close", () => resolve()));
    await server.app.close();
    await closed;
    expect(h2.session.destroyed).toBe(true);
  });
});

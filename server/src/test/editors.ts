import { onTestFinished } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";

/** A real `y-websocket` provider in Node (ws as the WebSocket), destroyed when the test ends. */
export async function connectProvider(
  base: URL,
  boardId: string,
  doc = new Y.Doc(),
  /** For an `https:` base: the certificate to trust (a test's self-signed one). */
  ca?: Buffer,
): Promise<WebsocketProvider> {
  const secure = base.protocol === "https:";
  // The stock provider takes a WebSocket class; this one trusts the test's certificate.
  const Socket = ca
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { ca });
        }
      }
    : WebSocket;
  const provider = new WebsocketProvider(`${secure ? "wss" : "ws"}://${base.host}/ws`, boardId, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  onTestFinished(() => {
    provider.destroy();
    doc.destroy();
  });
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    provider.once("sync", (synced: boolean) => synced && resolve());
  });
  return provider;
}

/** Polls until `check` stops throwing: an assertion that waits, never a fixed sleep. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare `ws` client, for what a provider would never send. */
export async function openRaw(
  base: URL,
  boardId: string,
  options: WebSocket.ClientOptions = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`ws://${base.host}/ws/${boardId}`, options);
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  onTestFinished(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, messages, closed };
}

/** The HTTP status an upgrade was refused with. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on("open", () => {
      ws.close();
      resolve({ status: 101, body: "" });
    });
    ws.on("error", (err) => {
      if (!String(err.message).includes("Unexpected server response")) reject(err);
    });
  });
}

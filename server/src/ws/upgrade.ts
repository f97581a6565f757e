import type { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { HTTP_ERRORS, type ErrorCode, MAX_WS_MESSAGE_BYTES, errorBody } from "@whiteboard/shared";
import type { Capabilities } from "../access/capabilities.js";
import { isAllowedOrigin, requestHost } from "../access/origin.js";
import { type EditorDeps, serveEditor } from "./connection.js";

export interface WebSocketDeps extends EditorDeps {
  capabilities: Capabilities;
  /** The client's address for the lookup limit, honouring `TRUST_PROXY`. */
  clientAddress(request: IncomingMessage): string;
  allowedOrigins: readonly string[];
}

const PATH = /^\/ws\/([^/?#]*)(?:[?#].*)?$/;

/**
 * Editors' WebSockets on `/ws/:boardId`, on the HTTP server's own port. Everything that can be
 * refused is refused before the upgrade, as a plain HTTP response with SPEC's error body: a
 * browser's WebSocket sees only a failed connection, but a proxy or a script sees why.
 */
export function attachWebSockets(
  /** The HTTP server, or the HTTPS one that speaks HTTP/2 too: both emit HTTP/1.1 `upgrade`s. */
  server: EventEmitter,
  deps: WebSocketDeps,
): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES, perMessageDeflate: false });
  const allowed = new Set(deps.allowedOrigins);

  let closing = false;
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not crash the server.
    socket.on("error", () => socket.destroy());
    // Stopping: providers reconnect at once; they will find the next server instead.
    if (closing) return refuse(socket, "unavailable", "The server is shutting down.");
    void (async () => {
      const match = PATH.exec(request.url ?? "");
      if (!match) return refuse(socket, "not_found", "No WebSocket endpoint here.");
      const origin = request.headers.origin;
      if (origin !== undefined && !isAllowedOrigin(origin, requestHost(request.headers), allowed)) {
        return refuse(socket, "forbidden", "This origin may not open an editor connection.");
      }
      let capability: string;
      try {
        capability = decodeURIComponent(match[1]!);
      } catch {
        capability = "";
      }
      const mark = deps.registry.mark();
      const resolution = await deps.capabilities.resolve(deps.clientAddress(request), capability, "edit");
      if (!resolution.ok) {
        return resolution.code === "rate_limited"
          ? refuse(socket, "rate_limited", "Too many unknown links from this address.", Math.ceil(resolution.retryAfterMs / 1000))
          : refuse(socket, "not_found", "No board with this id.");
      }
      if (socket.destroyed) return;
      const boardKey = resolution.grant.board.key;
      wss.handleUpgrade(request, socket, head, (ws) => {
        void serveEditor(ws, socket, boardKey, deps, mark);
      });
    })().catch((err) => {
      deps.logger.error({ err }, "upgrade failed");
      refuse(socket, "internal");
    });
  });

  return {
    close() {
      closing = true;
      wss.close();
    },
  };
}

const REASON_PHRASES: Record<number, string> = {
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, code: ErrorCode, message?: string, retryAfterSeconds?: number): void {
  if (socket.destroyed) return;
  const { status } = HTTP_ERRORS[code];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${REASON_PHRASES[status] ?? "Error"}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      "X-Content-Type-Options: nosniff\r\n" +
      (retryAfterSeconds !== undefined ? `Retry-After: ${retryAfterSeconds}\r\n` : "") +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { HTTP_ERRORS, type ErrorCode, MAX_WS_MESSAGE_BYTES, errorBody, isWellFormedId } from "@whiteboard/shared";
import type { Store } from "../storage/store.js";
import type { RoomRegistry } from "../rooms/registry.js";
import { type ConnectionLimits, serveEditor } from "./connection.js";

export interface WebSocketDeps {
  store: Store;
  registry: RoomRegistry;
  allowedOrigins: readonly string[];
  limits: ConnectionLimits;
  logger: Logger;
}

const PATH = /^\/ws\/([^/?#]*)(?:[?#].*)?$/;

/**
 * Editors' WebSockets on `/ws/:boardId`, on the HTTP server's own port. Everything that can be
 * refused is refused before the upgrade, as a plain HTTP response with SPEC's error body: a
 * browser's WebSocket sees only a failed connection, but a proxy or a script sees why.
 */
export function attachWebSockets(server: Server, deps: WebSocketDeps): { close(): void } {
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
      if (origin !== undefined && !isAllowedOrigin(origin, request.headers.host, allowed)) {
        return refuse(socket, "forbidden", "This origin may not open an editor connection.");
      }
      const boardId = decodeURIComponent(match[1]!);
      if (!isWellFormedId(boardId) || !(await deps.store.getBoard(boardId))) {
        return refuse(socket, "not_found", "No board with this id.");
      }
      if (socket.destroyed) return;
      wss.handleUpgrade(request, socket, head, (ws) => {
        void serveEditor(ws, boardId, deps.registry, deps.limits, deps.logger);
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

/** A browser's origin is ours when it names the host the request came to, or is allowed. */
function isAllowedOrigin(origin: string, host: string | undefined, allowed: Set<string>): boolean {
  if (allowed.has(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

const REASON_PHRASES: Record<number, string> = {
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, code: ErrorCode, message?: string): void {
  if (socket.destroyed) return;
  const { status } = HTTP_ERRORS[code];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${REASON_PHRASES[status] ?? "Error"}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

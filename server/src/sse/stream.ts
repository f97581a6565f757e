import type { ServerResponse } from "node:http";
import type { Http2ServerResponse } from "node:http2";
import type { FastifyInstance } from "fastify";
import type { Capabilities } from "../access/capabilities.js";
import type { RoomRegistry } from "../rooms/registry.js";
import type { ViewerStream } from "../rooms/viewer-feed.js";
import { sendRefusal } from "../http/edge.js";
import { sendError } from "../http/errors.js";

/**
 * The viewer feed as `text/event-stream`. The route checks the view id like any API call (so an
 * unknown one is a JSON 404, not an empty stream), then takes the raw response over: from there
 * the room writes the bytes. Nothing here or in any event names the board's edit id.
 */
export function registerViewerStream(app: FastifyInstance, capabilities: Capabilities, registry: RoomRegistry): void {
  app.get<{ Params: { viewId: string }; Querystring: { lastEventId?: unknown } }>("/api/view/:viewId/events", async (request, reply) => {
    const mark = registry.mark();
    const resolution = await capabilities.resolve(request.ip, request.params.viewId, "view");
    if (!resolution.ok) return sendRefusal(reply, resolution, "view");
    const { board } = resolution.grant;
    // Loaded before answering, so a board that cannot be read gets a status an EventSource
    // treats as final, rather than a stream that ends and reconnects for ever.
    if (!(await registry.prepare(board.key, mark))) {
      if (registry.damage(board.key) !== undefined) {
        return sendError(reply, "unavailable", "This board's stored data is damaged; it cannot be shown until an operator repairs it.");
      }
      if (registry.isClosed) return sendError(reply, "unavailable");
      return sendError(reply, "not_found", "No board with this view id.");
    }

    reply.hijack();
    const stream = request.raw.httpVersionMajor === 2 ? http2Stream(reply.raw as unknown as Http2ServerResponse) : http1Stream(reply.raw);
    if (!stream) return;
    // The header from the browser's own reconnects; the query parameter from a page that opens
    // a new EventSource itself (a tab shown again), which cannot set headers (SPEC).
    const header = request.headers["last-event-id"];
    const lastEventId = typeof header === "string" ? header : request.query.lastEventId;
    const watching = await registry.joinViewer(board.key, stream, typeof lastEventId === "string" ? lastEventId : undefined, mark);
    if (!watching) {
      stream.end();
      return;
    }
    // The response's close, not the request's: the request's fires once its body is read, so a
    // listener there would count viewers who had long left (DESIGN).
    stream.onClose(() => watching.leave());
  });
}

type ClosableStream = ViewerStream & { onClose(listener: () => void): void };

const HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  // nginx and friends buffer proxied responses unless told not to.
  "X-Accel-Buffering": "no",
};

/**
 * HTTP/1.1: the body is delimited by the connection's close, not chunked, so each event goes to
 * the socket as it is, one write per viewer per tick, without chunk framing per write.
 */
function http1Stream(res: ServerResponse): ClosableStream | undefined {
  res.useChunkedEncodingByDefault = false;
  res.writeHead(200, {
    ...HEADERS,
    // The stream ends only when one side is done with it; reusing its connection afterwards
    // would only keep a shutting-down server waiting on an idle socket.
    Connection: "close",
  });
  res.flushHeaders();
  const socket = res.socket;
  if (!socket) return undefined;
  socket.setNoDelay(true);
  let open = true;
  return {
    write(chunk) {
      if (open && socket.writable) socket.write(chunk);
    },
    get buffered() {
      return socket.writableLength;
    },
    end() {
      if (!open) return;
      open = false;
      res.end();
      socket.end();
    },
    onClose(listener) {
      if (res.destroyed) {
        open = false;
        listener();
        return;
      }
      res.on("close", () => {
        open = false;
        listener();
      });
    },
  };
}

/**
 * HTTP/2: one stream of the browser's one connection, framed by HTTP/2 itself (and no
 * `Connection` header, which HTTP/2 forbids). Ending it ends this viewer only.
 */
function http2Stream(res: Http2ServerResponse): ClosableStream {
  res.writeHead(200, HEADERS);
  let open = !res.stream.destroyed;
  return {
    write(chunk) {
      if (open && !res.stream.destroyed) res.write(chunk);
    },
    get buffered() {
      return res.stream.writableLength;
    },
    end() {
      if (!open) return;
      open = false;
      res.end();
    },
    onClose(listener) {
      if (res.stream.destroyed) {
        open = false;
        listener();
        return;
      }
      res.on("close", () => {
        open = false;
        listener();
      });
    },
  };
}

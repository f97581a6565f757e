import type { ServerResponse } from "node:http";
import type { Http2ServerResponse } from "node:http2";
import type { FastifyInstance } from "fastify";
import type { Capabilities } from "../access/capabilities.js";
import type { RoomRegistry } from "../rooms/registry.js";
import type { ViewerStream } from "../rooms/viewer-feed.js";
import type { ChannelCounters } from "../channels/channel-stats.js";
import { sendRefusal } from "../http/edge.js";
import { sendError } from "../http/errors.js";

/**
 * The viewer feed as `text/event-stream`. The route checks the view id like any API call (so an
 * unknown one is a JSON 404, not an empty stream), then takes the raw response over: from there
 * the room writes the bytes. Nothing here or in any event names the board's edit id.
 */
export function registerViewerStream(
  app: FastifyInstance,
  capabilities: Capabilities,
  registry: RoomRegistry,
  counters: ChannelCounters,
): void {
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
    const res = reply.raw as ServerResponse | Http2ServerResponse;
    const raw = request.raw.httpVersionMajor === 2 ? http2Stream(res as Http2ServerResponse) : http1Stream(res as ServerResponse);
    if (!raw) return;
    const stream = viewerStream(res, raw, counters);
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

/** What differs between the two protocols' responses; `viewerStream` adds the rest. */
interface RawStream {
  /** Whether the response is gone, so writing to it would throw or be lost. */
  gone(): boolean;
  write(chunk: Uint8Array): void;
  readonly buffered: number;
  end(): void;
}

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
function http1Stream(res: ServerResponse): RawStream | undefined {
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
  return {
    gone: () => res.destroyed || !socket.writable,
    write: (chunk) => socket.write(chunk),
    get buffered() {
      return socket.writableLength;
    },
    end() {
      res.end();
      socket.end();
    },
  };
}

/**
 * HTTP/2: one stream of the browser's one connection, framed by HTTP/2 itself (and no
 * `Connection` header, which HTTP/2 forbids). Ending it ends this viewer only.
 */
function http2Stream(res: Http2ServerResponse): RawStream {
  res.writeHead(200, HEADERS);
  return {
    gone: () => res.stream.destroyed,
    write: (chunk) => res.write(chunk),
    get buffered() {
      return res.stream.writableLength;
    },
    end: () => res.end(),
  };
}

/**
 * One viewer's stream over either protocol: writes stop once it is ended or gone, the close is
 * told once, and every write is counted for `GET /api/channels`.
 */
function viewerStream(res: ServerResponse | Http2ServerResponse, raw: RawStream, counters: ChannelCounters): ClosableStream {
  let open = !raw.gone();
  if (open) {
    counters.viewerOpened();
    res.once("close", () => {
      open = false;
      counters.viewerClosed();
    });
  }
  return {
    write(chunk) {
      if (!open || raw.gone()) return;
      counters.viewerSent(chunk.byteLength);
      raw.write(chunk);
    },
    get buffered() {
      return raw.buffered;
    },
    end() {
      if (!open) return;
      open = false;
      raw.end();
    },
    onClose(listener) {
      if (raw.gone()) listener();
      else res.once("close", listener);
    },
  };
}

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
  app.get<{ Params: { viewId: string } }>("/api/view/:viewId/events", async (request, reply) => {
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
    const res = reply.raw;
    // The body is delimited by the connection's close, not chunked: each event then goes to the
    // socket as it is, one write per viewer per tick, without chunk framing per write.
    res.useChunkedEncodingByDefault = false;
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      // The stream ends only when one side is done with it; reusing its connection afterwards
      // would only keep a shutting-down server waiting on an idle socket.
      Connection: "close",
      // nginx and friends buffer proxied responses unless told not to.
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
    const socket = res.socket;
    if (!socket) return;
    socket.setNoDelay(true);

    let open = true;
    const stream: ViewerStream = {
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
    };
    const lastEventId = request.headers["last-event-id"];
    const watching = await registry.joinViewer(board.key, stream, typeof lastEventId === "string" ? lastEventId : undefined, mark);
    if (!watching) {
      stream.end();
      return;
    }
    // The response's close, not the request's: the request's fires once its body is read, so a
    // listener there would count viewers who had long left (DESIGN).
    res.on("close", () => {
      open = false;
      watching.leave();
    });
    if (res.destroyed) {
      open = false;
      watching.leave();
    }
  });
}

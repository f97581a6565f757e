/**
 * A probe viewer: the event stream through node:http (which undoes the chunked encoding), parsed
 * in full and timed as each chunk arrives. Only a few dozen of these run, so their cost is small.
 */
import { get } from "node:http";
import type { Socket } from "node:net";
import { now } from "../cursors/clock.js";
import { SseParser, type SseEvent } from "./sse-parser.js";
import { errorKind, type StreamTarget, type ViewerConnection } from "./viewer-connection.js";

export function openProbeViewer(
  target: StreamTarget,
  timeoutMs: number,
  onEvent: (event: SseEvent, receivedAt: number) => void,
): Promise<ViewerConnection> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let destroyed = false;
    let endListener: (() => void) | undefined;
    let socket: Socket | undefined;
    const parser = new SseParser(onEvent);
    const timer = setTimeout(() => failWith(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    // agent: false gives each probe its own connection, closed with it, as an EventSource has.
    const request = get({
      host: target.host,
      port: target.port,
      path: target.path,
      localAddress: target.localAddress,
      agent: false,
      headers: { Accept: "text/event-stream", "Cache-Control": "no-cache" },
    });
    const connection: ViewerConnection = {
      bytesRead: () => socket?.bytesRead ?? 0,
      onEnd: (listener) => (endListener = listener),
      destroy: () => {
        destroyed = true;
        request.destroy();
      },
    };
    function failWith(err: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(err);
    }
    request.on("socket", (s) => (socket = s));
    request.on("error", (err) => failWith(new Error(errorKind(err))));
    request.on("response", (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return failWith(new Error(`HTTP ${response.statusCode ?? "?"}`));
      }
      response.on("data", (chunk: Buffer) => parser.feed(chunk, now()));
      response.on("close", () => {
        if (!destroyed) endListener?.();
      });
      // Headers are flushed with the stream's first write, so the viewer is attached by now.
      settled = true;
      clearTimeout(timer);
      resolve(connection);
    });
  });
}

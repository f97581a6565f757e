/**
 * A viewer's stream opened the way a reconnecting EventSource opens it: one GET on a connection
 * of its own, with `Last-Event-ID` when it has seen an event (as the browser sends on its own
 * reconnects), parsed in full (sse/sse-parser.ts) so the bench can tell when it has caught up.
 */
import { get } from "node:http";
import type { Socket } from "node:net";
import { now } from "../cursors/clock.js";
import { SseParser, type SseEvent } from "../sse/sse-parser.js";
import type { Origin } from "./shared-board.js";
import { socketKey } from "./tcp-info.js";

export interface SseStream {
  /** Events received, by name. */
  events: Record<string, number>;
  lastEventId(): string | undefined;
  socketKey(): string | undefined;
  close(): void;
}

export function openSseStream(
  origin: Origin,
  path: string,
  lastEventId: string | undefined,
  onEvent: (event: SseEvent, receivedAt: number) => void,
): SseStream {
  const events: Record<string, number> = {};
  let last: string | undefined = lastEventId;
  let socket: Socket | undefined;
  const parser = new SseParser((event, at) => {
    events[event.event] = (events[event.event] ?? 0) + 1;
    if (event.id !== undefined) last = event.id;
    onEvent(event, at);
  });
  const request = get({
    host: origin.host,
    port: origin.port,
    path,
    agent: false,
    headers: {
      Accept: "text/event-stream",
      "Cache-Control": "no-cache",
      ...(lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId }),
    },
  });
  request.on("socket", (s: Socket) => (socket = s));
  // A stream cut by the bench ends with an error on this side; nothing to report.
  request.on("error", () => undefined);
  request.on("response", (response) => response.on("data", (chunk: Buffer) => parser.feed(chunk, now())));
  return {
    events,
    lastEventId: () => last,
    socketKey: () => socketKey(socket),
    close: () => request.destroy(),
  };
}

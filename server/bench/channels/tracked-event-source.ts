/**
 * A viewer as the page runs one: a real `EventSource` (the `eventsource` package, the WHATWG
 * algorithm: `retry:`, `Last-Event-ID` on its own reconnects), given a `fetch` over node:http so
 * that the bench knows its TCP socket (to read with `ss`) and can count the comment lines (the
 * server's heartbeats), which EventSource itself never surfaces.
 */
import { request } from "node:http";
import type { Socket } from "node:net";
import { Readable } from "node:stream";
import { EventSource } from "eventsource";
import { socketKey } from "./tcp-info.js";

export interface TrackedEventSource {
  source: EventSource;
  /** Events dispatched, by name. */
  events: Record<string, number>;
  /** Comment lines received (`: keep-alive`). */
  comments(): number;
  socketKey(): string | undefined;
  close(): void;
}

const COLON = 0x3a;
const LF = 0x0a;

export function openTrackedEventSource(url: string, eventNames: readonly string[]): TrackedEventSource {
  let socket: Socket | undefined;
  let comments = 0;
  const fetchOverHttp = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const target = new URL(input instanceof Request ? input.url : input);
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      // agent: false, as an EventSource holds a connection of its own for the stream.
      const req = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, agent: false, headers }, (res) => {
        let atLineStart = true;
        res.on("data", (chunk: Buffer) => {
          for (const byte of chunk) {
            if (atLineStart && byte === COLON) comments++;
            atLineStart = byte === LF;
          }
        });
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
        }
        resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status: res.statusCode ?? 0, headers: responseHeaders }));
      });
      req.on("socket", (s: Socket) => (socket = s));
      req.on("error", reject);
      init?.signal?.addEventListener("abort", () => req.destroy());
      req.end();
    });
  const source = new EventSource(url, { fetch: fetchOverHttp });
  const events: Record<string, number> = {};
  for (const name of eventNames) source.addEventListener(name, () => (events[name] = (events[name] ?? 0) + 1));
  return {
    source,
    events,
    comments: () => comments,
    socketKey: () => socketKey(socket),
    close: () => source.close(),
  };
}

/**
 * An editor as the page runs one: the stock y-websocket `WebsocketProvider` (v3, as the client
 * uses) over the `ws` package, so its idle traffic is the provider's own: an awareness renewal
 * every 15 s (y-protocols' outdatedTimeout / 2), the server's pings answered by `ws` as a browser
 * answers them, and the provider's reconnect should nothing arrive for 30 s. Each WebSocket it
 * opens is tracked, so the bench knows which TCP socket to read with `ss`, and counts what it
 * received and sent.
 */
import type { Socket } from "node:net";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sleep } from "../sleep.js";
import { socketKey } from "./tcp-info.js";

export interface SocketCounts {
  connections: number;
  pings: number;
  messagesIn: number;
  messagesOut: number;
}

export interface ProviderEditor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  counts: SocketCounts;
  /** `address:port` of the client end of its current connection. */
  socketKey(): string | undefined;
  /** The same of every connection it has opened, kept up to date: what to leave out of others' figures. */
  socketKeys: ReadonlySet<string>;
  /** Resolves once the provider has synced (again, after a reconnect). */
  synced(timeoutMs: number): Promise<void>;
  destroy(): void;
}

/** A `ws` WebSocket class for the provider that reports each instance's TCP socket and traffic. */
function trackedWebSocket(counts: SocketCounts, onSocket: (socket: Socket) => void): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class TrackedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      counts.connections++;
      this.on("upgrade", (response) => onSocket(response.socket as Socket));
      this.on("ping", () => counts.pings++);
      this.on("message", () => counts.messagesIn++);
      const send = this.send.bind(this);
      this.send = ((...args: Parameters<typeof send>) => {
        counts.messagesOut++;
        return send(...args);
      }) as typeof send;
    }
  };
}

/**
 * `wsUrl` is the board's editor URL (`ws://HOST:PORT/ws/<id>`); the provider appends the room
 * name itself. `awareness`: the local state to announce, or null for an editor with none (no
 * awareness message at all, and no renewals).
 */
export function openProviderEditor(wsUrl: string, awareness: Record<string, unknown> | null, doc = new Y.Doc()): ProviderEditor {
  const slash = wsUrl.lastIndexOf("/");
  const counts: SocketCounts = { connections: 0, pings: 0, messagesIn: 0, messagesOut: 0 };
  let socket: Socket | undefined;
  const socketKeys = new Set<string>();
  const provider = new WebsocketProvider(wsUrl.slice(0, slash), wsUrl.slice(slash + 1), doc, {
    connect: false,
    // One tab: the BroadcastChannel path would only add traffic the server never sees.
    disableBc: true,
    WebSocketPolyfill: trackedWebSocket(counts, (s) => {
      socket = s;
      socketKeys.add(socketKey(s) ?? "");
    }) as unknown as NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>["WebSocketPolyfill"],
  });
  provider.awareness.setLocalState(awareness);
  provider.connect();
  return {
    doc,
    provider,
    counts,
    socketKey: () => socketKey(socket),
    socketKeys,
    async synced(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (!(provider.wsconnected && provider.synced)) {
        if (performance.now() > deadline) throw new Error(`the provider did not sync within ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

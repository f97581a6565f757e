import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type SocketMeter, createSocketMeter, meteredWebSocket } from "../channels/socket-meter";
import { sendOnlyOwnAwareness } from "./own-awareness";
import { attachOfflineStore } from "./offline-store";
import { shouldReconnect } from "./connection-status";
import { quietSyncStep2 } from "./quiet-sync";
import { boardSocketBase } from "./socket-url";

/** One live board: its doc, kept in sync with the server, and the editors' awareness. */
export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** This tab's WebSocket traffic, for the "How this works" panel. */
  meter: SocketMeter;
  destroy(): void;
}

export interface ConnectOptions {
  boardId: string;
  location: Pick<Location, "protocol" | "host">;
  /** The local awareness state to announce from the first message on. */
  initialState: Record<string, unknown>;
}

export function connectBoard({ boardId, location, initialState }: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const meter = createSocketMeter();
  const provider = new WebsocketProvider(boardSocketBase(location), encodeURIComponent(boardId), doc, {
    connect: false,
    // Each tab has its own socket to the server, which already relays everything. The
    // BroadcastChannel path would only double the traffic, and it answers awareness queries
    // with every state it knows, which is the echo `sendOnlyOwnAwareness` exists to stop.
    disableBc: true,
    shouldReconnect,
    WebSocketPolyfill: meteredWebSocket(WebSocket, meter),
  });
  // Kept in IndexedDB too: a tab reloaded while offline still has, and later sends, its strokes.
  const offline = attachOfflineStore(doc, boardId);
  quietSyncStep2(provider, offline);
  sendOnlyOwnAwareness(provider);
  provider.awareness.setLocalState(initialState);
  provider.connect();
  return {
    doc,
    provider,
    awareness: provider.awareness,
    meter,
    destroy() {
      // The provider sends our null awareness state before closing, so others drop our cursor at once.
      offline.stop();
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

import { WS_CLOSE } from "@whiteboard/shared";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { sendOnlyOwnAwareness } from "./own-awareness";
import { attachOfflineStore } from "./offline-store";
import { quietSyncStep2 } from "./quiet-sync";
import { boardSocketBase } from "./socket-url";

/** One live board: its doc, kept in sync with the server, and the editors' awareness. */
export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  destroy(): void;
}

export interface ConnectOptions {
  boardId: string;
  location: Pick<Location, "protocol" | "host">;
  /** The local awareness state to announce from the first message on. */
  initialState: Record<string, unknown>;
}

/**
 * Close codes 4400-4499 mirror HTTP 4xx: the server decided, and retrying cannot change it
 * (4404: the board was deleted; 4401: its links were reset, so this id opens nothing). Anything
 * else, a dropped network included, is worth retrying. This is also the stock provider's
 * default; spelled out because the deleted and reset pages depend on it.
 */
function shouldReconnect(event: CloseEvent): boolean {
  if (event.code === WS_CLOSE.boardDeleted || event.code === WS_CLOSE.linksReset) return false;
  return event.code < 4400 || event.code >= 4500;
}

export function connectBoard({ boardId, location, initialState }: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(boardSocketBase(location), encodeURIComponent(boardId), doc, {
    connect: false,
    // Each tab has its own socket to the server, which already relays everything. The
    // BroadcastChannel path would only double the traffic, and it answers awareness queries
    // with every state it knows, which is the echo `sendOnlyOwnAwareness` exists to stop.
    disableBc: true,
    shouldReconnect,
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
    destroy() {
      // The provider sends our null awareness state before closing, so others drop our cursor at once.
      offline.stop();
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

import { IndexeddbPersistence, clearDocument } from "y-indexeddb";
import type * as Y from "yjs";

/** One IndexedDB database per board, named for the board's edit id (the only id the editor has). */
export function offlineStoreName(boardId: string): string {
  return `whiteboard-board:${boardId}`;
}

/** This browser's copy of one board, while it is being kept. */
export interface OfflineStore {
  /** Stops keeping the copy (the copy stays; see `forgetOfflineBoard`). */
  stop(): void;
  /**
   * The doc `update` listener by which the copy keeps every change; undefined without a copy, or
   * once stopped (y-indexeddb has removed it then, and it must not be added back).
   */
  readonly listener: ((update: Uint8Array, origin: unknown) => void) | undefined;
  /** Stores an update the doc applied while `listener` was held off (see quiet-sync.ts). */
  keep(update: Uint8Array): void;
}

const NO_STORE: OfflineStore = { stop: () => {}, listener: undefined, keep: () => {} };

/**
 * Keeps a copy of the board's doc in this browser, so a tab that lost its connection and was
 * reloaded still has what was drawn offline, and sends it on reconnect: the copy is merged into
 * the doc, and the provider's sync sends the server whatever it lacks. Updates from the server
 * are stored too, so the board also opens from the copy before the socket has synced.
 */
export function attachOfflineStore(doc: Y.Doc, boardId: string): OfflineStore {
  // Storage disabled, or a browser without IndexedDB: the editor still works, online only.
  if (typeof indexedDB === "undefined") return NO_STORE;
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(offlineStoreName(boardId), doc);
  } catch {
    return NO_STORE;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void persistence.destroy().catch(() => {});
  };
  // `_db` is the provider's own open request (typed public): the only way to reach the connection.
  persistence._db.then(
    (db) => {
      // Deleting the database (another tab forgetting the board) closes this connection, after
      // which every write would throw inside the doc's update handler, under the pen: stop first.
      db.addEventListener("versionchange", stop);
    },
    // Opening failed (quota, private mode): nothing to keep, and nothing to stop.
    () => {
      stopped = true;
    },
  );
  return {
    stop,
    get listener() {
      return stopped ? undefined : persistence._storeUpdate;
    },
    keep(update) {
      // Before the database is open this stores nothing, and need not: once open, y-indexeddb
      // stores the whole doc as it then is.
      if (!stopped) persistence._storeUpdate(update, null);
    },
  };
}

/**
 * Deletes this browser's copy of a board: for a board that was deleted, whose copy would
 * otherwise stay on the disk for good. Open copies in other tabs stop keeping it (see above).
 * Never rejects: failing to clean up must not stand in the way of anything.
 */
export async function forgetOfflineBoard(boardId: string): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  try {
    await clearDocument(offlineStoreName(boardId));
  } catch {
    // Nothing to do: the copy stays until the browser clears site data.
  }
}

import { IndexeddbPersistence, clearDocument } from "y-indexeddb";
import type * as Y from "yjs";

/** One IndexedDB database per board, named for the board's edit id (the only id the editor has). */
export function offlineStoreName(boardId: string): string {
  return `whiteboard-board:${boardId}`;
}

/**
 * Keeps a copy of the board's doc in this browser, so a tab that lost its connection and was
 * reloaded still has what was drawn offline, and sends it on reconnect: the copy is merged into
 * the doc, and the provider's sync sends the server whatever it lacks. Updates from the server
 * are stored too, so the board also opens from the copy before the socket has synced.
 * Returns the function that stops keeping the copy (the copy stays; see `forgetOfflineBoard`).
 */
export function attachOfflineStore(doc: Y.Doc, boardId: string): () => void {
  // Storage disabled, or a browser without IndexedDB: the editor still works, online only.
  if (typeof indexedDB === "undefined") return () => {};
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(offlineStoreName(boardId), doc);
  } catch {
    return () => {};
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
  return stop;
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

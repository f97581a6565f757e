/**
 * The storage seam. One implementation today (SQLite, `sqlite.ts`); the interface is async so a
 * networked database can sit behind it without changing a caller.
 */

/** A board as stored: SPEC's board without the live counts, which belong to the rooms. */
export interface BoardRecord {
  id: string;
  viewId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  elementCount: number;
}

/** A board's document as stored: the last snapshot, then the updates logged since. */
export interface StoredDoc {
  snapshot: Uint8Array | undefined;
  updates: Uint8Array[];
  /** The sequence number of the last update, for compaction; 0 when the log is empty. */
  lastSeq: number;
}

export interface Store {
  createBoard(name: string): Promise<BoardRecord>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  getBoardByViewId(viewId: string): Promise<BoardRecord | undefined>;
  /** Newest `updatedAt` first. */
  listBoards(): Promise<BoardRecord[]>;
  /** Undefined when no such board. */
  renameBoard(id: string, name: string): Promise<BoardRecord | undefined>;
  /** False when no such board. */
  deleteBoard(id: string): Promise<boolean>;
  /**
   * A number that changes whenever anything in `listBoards()` changes, and only then. The
   * gallery's ETag is derived from it, so a poll costs one integer read instead of a hash of
   * every board.
   */
  listVersion(): Promise<number>;
  /** Undefined when no such board. */
  loadDoc(boardId: string): Promise<StoredDoc | undefined>;
  /**
   * Appends accepted updates to the board's log and records the edit (`updatedAt`,
   * `elementCount`, the list version) in one transaction: all of it or none. Resolves with the
   * last sequence number written.
   */
  appendUpdates(boardId: string, updates: Uint8Array[], elementCount: number): Promise<number>;
  /** Replaces the snapshot and drops the logged updates it covers (sequence <= `throughSeq`). */
  compactDoc(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  close(): Promise<void>;
}

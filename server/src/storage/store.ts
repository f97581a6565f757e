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
  close(): Promise<void>;
}

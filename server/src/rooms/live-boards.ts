/**
 * What the HTTP API needs to know of the live channels: who is connected to a board now, news
 * when that changes, and a way to tell them the board is gone. The room registry implements it;
 * the API depends only on this. Boards are named by their internal key.
 */
export interface LiveBoards {
  counts(boardKey: string): { editors: number; viewers: number };
  /** Calls `listener` with a board's key whenever its editors or viewers change. */
  onCountsChange(listener: (boardKey: string) => void): void;
  /**
   * The board's capabilities stopped working (deleted: 4404, links reset: 4401): what its
   * editors sent is written first, then they are closed with `closeCode` and its viewers told.
   */
  boardGone(boardKey: string, closeCode: number): Promise<void>;
}

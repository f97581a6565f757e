/**
 * What the HTTP API needs to know of the live channels: who is connected to a board now, and a
 * way to tell them the board is gone. The room registry implements it once editors (WebSocket)
 * and viewers (SSE) attach to rooms; the API depends only on this.
 */
export interface LiveBoards {
  counts(boardId: string): { editors: number; viewers: number };
  /**
   * Changes whenever any board's counts change, so the gallery's ETag can include it without
   * reading every count.
   */
  version(): number;
  /** The board was deleted: tell its editors and viewers, then disconnect them. */
  boardDeleted(boardId: string): void;
}

/** Before any live channel is attached: nobody is ever connected. */
export const NO_LIVE_BOARDS: LiveBoards = {
  counts: () => ({ editors: 0, viewers: 0 }),
  version: () => 0,
  boardDeleted: () => {},
};

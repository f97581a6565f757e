import type { Awareness } from "y-protocols/awareness";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Point } from "../canvas/viewport";

export interface CursorPublisher {
  /** The pointer's latest board position, or null when it left the board. */
  move(cursor: Point | null): void;
  stop(): void;
}

/**
 * Puts the local cursor into awareness at most once per animation frame. Pointer events come
 * faster than frames (and faster than anyone can see): only the latest position is worth
 * sending, and a whole board unit is precision enough for a cursor.
 */
export function publishCursor(awareness: Awareness, frames: FrameLoop): CursorPublisher {
  let pending: Point | null | undefined;
  let sent: Point | null = null;

  const flush = () => {
    if (pending === undefined) return;
    const next = pending;
    pending = undefined;
    if (next === sent || (next && sent && next.x === sent.x && next.y === sent.y)) return;
    sent = next;
    awareness.setLocalStateField("cursor", next);
  };
  const removeTask = frames.add("input", flush);

  return {
    move(cursor) {
      pending = cursor && { x: Math.round(cursor.x), y: Math.round(cursor.y) };
      frames.request();
    },
    stop: removeTask,
  };
}

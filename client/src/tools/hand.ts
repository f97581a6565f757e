import type { ViewportStore } from "../canvas/viewport-store";
import { type Point, panBy } from "../canvas/viewport";

export interface Hand {
  start(screen: Point): void;
  drag(screen: Point): void;
  finish(): void;
}

/** Dragging the board: the point grabbed stays under the pointer. */
export function createHand(viewport: ViewportStore): Hand {
  let last: Point | null = null;
  return {
    start(screen) {
      last = screen;
    },
    drag(screen) {
      if (last === null) return;
      viewport.setState(panBy(viewport.getState(), screen.x - last.x, screen.y - last.y), true);
      last = screen;
    },
    finish() {
      last = null;
    },
  };
}

import type { Viewport } from "../../canvas/viewport";
import type { Box, Point } from "../../geometry/box";

/** The overlay draws in screen pixels, so lines and handles keep their size at every zoom. */
export function toScreen(view: Viewport, p: Point): Point {
  return { x: (p.x - view.x) * view.zoom, y: (p.y - view.y) * view.zoom };
}

export function boxToScreen(view: Viewport, box: Box): { x: number; y: number; w: number; h: number } {
  const a = toScreen(view, { x: box.minX, y: box.minY });
  return { x: a.x, y: a.y, w: (box.maxX - box.minX) * view.zoom, h: (box.maxY - box.minY) * view.zoom };
}

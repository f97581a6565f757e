/**
 * What part of the board the canvas shows: `x`, `y` is the board point at the canvas's top-left
 * corner, `zoom` is CSS pixels per board unit.
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Far enough out to see a large board whole, far enough in to place a point precisely. */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;

export const INITIAL_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

/** A point in CSS pixels relative to the canvas's top-left, to board coordinates. */
export function screenToBoard(viewport: Viewport, screen: Point): Point {
  return { x: viewport.x + screen.x / viewport.zoom, y: viewport.y + screen.y / viewport.zoom };
}

export function boardToScreen(viewport: Viewport, board: Point): Point {
  return { x: (board.x - viewport.x) * viewport.zoom, y: (board.y - viewport.y) * viewport.zoom };
}

/** Moves the view by a drag of `dx`, `dy` CSS pixels: the board follows the pointer. */
export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, x: viewport.x - dx / viewport.zoom, y: viewport.y - dy / viewport.zoom };
}

/** Zooms by `factor` about a screen point, which keeps the same board point under it. */
export function zoomAt(viewport: Viewport, screen: Point, factor: number): Viewport {
  return zoomTo(viewport, screen, viewport.zoom * factor);
}

/** Sets the zoom (within the limits) about a screen point, which keeps the same board point under it. */
export function zoomTo(viewport: Viewport, screen: Point, zoom: number): Viewport {
  // A millionth is far below anything visible; rounding to it lets zooming out by the factor
  // one zoomed in by land on the zoom it started from (3.7 * (1 / 3.7) is 0.9999999999999999).
  const next = Math.round(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) * ZOOM_PRECISION) / ZOOM_PRECISION;
  const anchor = screenToBoard(viewport, screen);
  return { x: anchor.x - screen.x / next, y: anchor.y - screen.y / next, zoom: next };
}

const ZOOM_PRECISION = 1_000_000;

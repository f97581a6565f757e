import { type Point, type Viewport, panBy, zoomAt } from "../canvas/viewport";

/** The parts of a `WheelEvent` that decide what it does. */
export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** 0 pixels, 1 lines, 2 pages, as `WheelEvent.deltaMode`. */
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Firefox reports mouse wheels in lines; a line is about this many pixels elsewhere. */
const LINE_PX = 16;
const PAGE_PX = 800;
/** A notch of a mouse wheel (100 px) zooms by about 22%; a trackpad pinch arrives as many small ctrl+wheel deltas. */
const ZOOM_PER_PX = 0.002;

/**
 * Ctrl+wheel (which is also how browsers report a trackpad pinch) zooms about the pointer; a
 * plain wheel or two-finger swipe pans, and shift turns a vertical wheel sideways.
 */
export function wheelViewport(viewport: Viewport, input: WheelInput, at: Point): Viewport {
  const unit = input.deltaMode === 1 ? LINE_PX : input.deltaMode === 2 ? PAGE_PX : 1;
  const dx = input.deltaX * unit;
  const dy = input.deltaY * unit;
  if (input.ctrlKey || input.metaKey) return zoomAt(viewport, at, Math.exp(-dy * ZOOM_PER_PX));
  if (input.shiftKey && dx === 0) return panBy(viewport, -dy, 0);
  return panBy(viewport, -dx, -dy);
}

import { MIN_ZOOM, type Viewport } from "../canvas/viewport";
import type { Box } from "../geometry/box";

/** Screen pixels left around what is fitted, so it does not touch the bars. */
const FIT_MARGIN_PX = 64;

/**
 * The viewport showing `bounds` whole and centred, zoomed no further in than `maxZoom` (fitting
 * one small shape should not blow it up to fill the screen). Nothing to fit keeps the view.
 */
export function fitViewport(bounds: Box | null, screen: { w: number; h: number }, maxZoom: number, current: Viewport): Viewport {
  if (bounds === null) return current;
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const room = { w: Math.max(1, screen.w - FIT_MARGIN_PX * 2), h: Math.max(1, screen.h - FIT_MARGIN_PX * 2) };
  const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, room.w / w, room.h / h));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { x: cx - screen.w / 2 / zoom, y: cy - screen.h / 2 / zoom, zoom };
}

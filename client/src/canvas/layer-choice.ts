import { isExact, levelFor, levelScale } from "./tile-grid";

/** How long the view must rest before the screen is redrawn at exactly its scale. */
export const VIEW_REST_MS = 150;

export interface LayerChoice {
  /** The scale of the tile layer to draw the screen from. */
  layer: number;
  /** The view is still moving: ask again once it has rested (it may then get an exact layer). */
  askAgainAfterRest: boolean;
}

/**
 * The layer to draw the screen from. While the view moves, the power-of-two level above its
 * scale: one level serves every zoom near it, so a zoom gesture redraws little. Once the view
 * rests, a layer at exactly its scale: sharp, and a pan copies it pixel for pixel. That layer
 * then serves every pan at that zoom; drawing it means drawing the screen afresh, so it waits
 * for a rest rather than being redone at every step of a zoom.
 */
export function chooseLayer(viewScale: number, exactLayer: number | null, restedMs: number): LayerChoice {
  const level = levelScale(levelFor(viewScale));
  if (isExact(level, viewScale)) return { layer: level, askAgainAfterRest: false };
  if (exactLayer !== null && isExact(exactLayer, viewScale)) return { layer: exactLayer, askAgainAfterRest: false };
  if (restedMs < VIEW_REST_MS) return { layer: level, askAgainAfterRest: true };
  return { layer: viewScale, askAgainAfterRest: false };
}

/** Whether a layer is a power-of-two level (kept across zooms) rather than one zoom's exact layer. */
export function isLevel(layer: number): boolean {
  return Number.isInteger(Math.log2(layer));
}

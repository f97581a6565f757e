/**
 * Rounding before numbers enter the doc. Yjs stores an integer in 1-5 bytes and any other
 * number in 5 (when a float32 holds it exactly) or 9: a board of 10,000 strokes of 100 points
 * is 25 MB with raw float coordinates and 12 MB with integer ones. Nobody can see a quarter of
 * a board unit at zoom 1, so the extra precision only costs bytes and load time.
 */

/** At or below this zoom a board unit is at most one screen pixel: integers lose nothing visible. */
const INTEGER_ZOOM = 1;
/** Zoomed in, quarter units: exact in float32, so still 5 bytes rather than 9. */
const FINE_STEPS_PER_UNIT = 4;
/** Pen pressure to 1/64: finer than any visible change in width. */
const PRESSURE_STEPS = 64;

/** Rounds a coordinate (relative to its element's origin) for the zoom it was drawn at. */
export function quantiseCoordinate(value: number, zoom: number): number {
  if (zoom <= INTEGER_ZOOM) return roundHalfAway(value);
  return roundHalfAway(value * FINE_STEPS_PER_UNIT) / FINE_STEPS_PER_UNIT;
}

/** Pressure clamped to 0..1 and rounded to 1/64; a missing or broken reading becomes 0.5, a pen's rest. */
export function quantisePressure(pressure: number): number {
  if (!Number.isFinite(pressure)) return 0.5;
  const clamped = Math.min(1, Math.max(0, pressure));
  return Math.round(clamped * PRESSURE_STEPS) / PRESSURE_STEPS;
}

/**
 * An element's origin is always an integer: points are stored relative to it, so a fractional
 * origin would make every stored point fractional too.
 */
export function quantiseOrigin(value: number): number {
  return roundHalfAway(value);
}

/** `Math.round` rounds -2.5 to -2 but 2.5 to 3; symmetric rounding keeps mirrored strokes mirrored. */
function roundHalfAway(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  // No -0: it survives the doc's encoding, and a reader comparing points would see it differ from 0.
  return rounded === 0 ? 0 : rounded;
}

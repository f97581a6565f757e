import { STROKE_POINT_SIZE } from "@whiteboard/shared";

/**
 * Level of detail for strokes. A perfect-freehand outline is a polygon of a few hundred vertices
 * whose whole point is the way its width follows the pen; at a few pixels wide nobody can see
 * that, and the outline costs ten times what a plain polyline does. So a stroke thinner than
 * this on screen is drawn as its points joined by a round-capped line of its mean ink width.
 */
export const SIMPLIFY_BELOW_PX = 2.5;
/** How far (in device pixels) a dropped point may be from the ones kept: below what one can see. */
const TOLERANCE_PX = 0.6;

/** Whether a stroke of `width` is drawn as a simplified polyline at `scale` device pixels per unit. */
export function drawsSimplified(width: number, scale: number): boolean {
  return width * scale < SIMPLIFY_BELOW_PX;
}

/**
 * The width of ink a polyline needs to look like the outline: perfect-freehand's diameter at the
 * stroke's mean pressure, with the renderer's thinning of 0.5 (diameter = width * (0.5 + p)).
 */
export function meanInkWidth(points: readonly number[], width: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 2; i < points.length; i += STROKE_POINT_SIZE) {
    sum += points[i]!;
    count++;
  }
  return width * (0.5 + (count === 0 ? 0.5 : sum / count));
}

export interface LineSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * Adds a stroke's points to a path as one polyline, offset by `dx`, `dy`, skipping each point
 * closer than the tolerance to the last one kept (the last point is always kept, so the line
 * ends where the pen lifted). A single point becomes a tiny segment: a zero-length one would be
 * pruned by the canvas and the dot would vanish.
 */
export function traceSimplified(sink: LineSink, points: readonly number[], scale: number, dx: number, dy: number): void {
  const n = Math.floor(points.length / STROKE_POINT_SIZE);
  if (n === 0) return;
  const tolerance = TOLERANCE_PX / scale;
  const toleranceSq = tolerance * tolerance;
  let lastX = points[0]!;
  let lastY = points[1]!;
  sink.moveTo(lastX + dx, lastY + dy);
  let drawn = false;
  for (let i = 1; i < n; i++) {
    const x = points[i * STROKE_POINT_SIZE]!;
    const y = points[i * STROKE_POINT_SIZE + 1]!;
    const isLast = i === n - 1;
    const d = (x - lastX) ** 2 + (y - lastY) ** 2;
    if (d < toleranceSq && !(isLast && d > 0)) continue;
    sink.lineTo(x + dx, y + dy);
    lastX = x;
    lastY = y;
    drawn = true;
  }
  if (!drawn) sink.lineTo(lastX + dx + tolerance * 0.01, lastY + dy);
}

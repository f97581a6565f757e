import type { Point } from "./box";

/** Distance from `p` to the segment `a`-`b` (to `a` itself when the segment has no length). */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return Math.hypot(p.x - a.x, p.y - a.y);
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Distance from `p` to a flat polyline (`size` numbers a point, x and y first), or Infinity for
 * no points. One point is a dot: the distance to it.
 */
export function distanceToPolyline(p: Point, flat: readonly number[], size: number): number {
  if (flat.length < 2) return Number.POSITIVE_INFINITY;
  let best = Math.hypot(p.x - flat[0]!, p.y - flat[1]!);
  for (let i = size; i + 1 < flat.length; i += size) {
    const d = distanceToSegment(p, { x: flat[i - size]!, y: flat[i - size + 1]! }, { x: flat[i]!, y: flat[i + 1]! });
    if (d < best) best = d;
  }
  return best;
}

/** Distance from `p` to the outline of the box [0, w] x [0, h] (0 on the edge, positive inside and out). */
export function distanceToBoxOutline(p: Point, w: number, h: number): number {
  const inside = p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
  if (inside) return Math.min(p.x, w - p.x, p.y, h - p.y);
  const dx = Math.max(0 - p.x, 0, p.x - w);
  const dy = Math.max(0 - p.y, 0, p.y - h);
  return Math.hypot(dx, dy);
}

/**
 * Distance from `p` to the ellipse inscribed in [0, w] x [0, h], measured along the ray from its
 * centre: exact on a circle, and within a few percent for the ellipses people draw, which is
 * all a click tolerance needs. A flat ellipse (w or h 0) is the segment it collapses to.
 */
export function distanceToEllipseOutline(p: Point, w: number, h: number): number {
  const rx = w / 2;
  const ry = h / 2;
  if (rx === 0 || ry === 0) return distanceToSegment(p, { x: 0, y: 0 }, { x: w, y: h });
  const dx = p.x - rx;
  const dy = p.y - ry;
  const fromCentre = Math.hypot(dx, dy);
  if (fromCentre === 0) return Math.min(rx, ry);
  const r = Math.hypot(dx / rx, dy / ry);
  return Math.abs(1 - 1 / r) * fromCentre;
}

/** Whether `p` lies inside the ellipse inscribed in [0, w] x [0, h]. */
export function insideEllipse(p: Point, w: number, h: number): boolean {
  const rx = w / 2;
  const ry = h / 2;
  if (rx === 0 || ry === 0) return false;
  return ((p.x - rx) / rx) ** 2 + ((p.y - ry) / ry) ** 2 <= 1;
}

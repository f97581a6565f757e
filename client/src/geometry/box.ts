/** A point in board coordinates (or screen pixels, where a caller says so). */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The box with two opposite corners `a` and `b`, in either order (a drag can go any way). */
export function boxFromCorners(a: Point, b: Point): Box {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/** The smallest box around every box given, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let union: Box | null = null;
  for (const b of boxes) {
    union = union
      ? { minX: Math.min(union.minX, b.minX), minY: Math.min(union.minY, b.minY), maxX: Math.max(union.maxX, b.maxX), maxY: Math.max(union.maxY, b.maxY) }
      : { ...b };
  }
  return union;
}

export function boxContainsBox(outer: Box, inner: Box): boolean {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}

export function boxContainsPoint(box: Box, p: Point, margin = 0): boolean {
  return p.x >= box.minX - margin && p.x <= box.maxX + margin && p.y >= box.minY - margin && p.y <= box.maxY + margin;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

export function expandBox(box: Box, by: number): Box {
  return { minX: box.minX - by, minY: box.minY - by, maxX: box.maxX + by, maxY: box.maxY + by };
}

export function boxCentre(box: Box): Point {
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
}

export function boxSize(box: Box): { w: number; h: number } {
  return { w: box.maxX - box.minX, h: box.maxY - box.minY };
}

/** `p` turned by `angle` radians about `centre`. */
export function rotateAbout(p: Point, centre: Point, angle: number): Point {
  if (angle === 0) return p;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos };
}

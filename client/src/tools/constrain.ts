import type { Point } from "../geometry/box";

/**
 * The box dragged from `anchor` to `pointer`. Shift makes it a square (a circle for the
 * ellipse) on the side of the longer drag; alt grows it from `anchor` as its centre.
 */
export function dragBox(anchor: Point, pointer: Point, square: boolean, fromCentre: boolean): { x: number; y: number; w: number; h: number } {
  let dx = pointer.x - anchor.x;
  let dy = pointer.y - anchor.y;
  if (square) {
    const side = Math.max(Math.abs(dx), Math.abs(dy));
    dx = side * (dx < 0 ? -1 : 1);
    dy = side * (dy < 0 ? -1 : 1);
  }
  if (fromCentre) {
    return { x: anchor.x - Math.abs(dx), y: anchor.y - Math.abs(dy), w: Math.abs(dx) * 2, h: Math.abs(dy) * 2 };
  }
  return { x: Math.min(anchor.x, anchor.x + dx), y: Math.min(anchor.y, anchor.y + dy), w: Math.abs(dx), h: Math.abs(dy) };
}

/** Shift on a line: the end snaps to the nearest multiple of 45 degrees, keeping the drag's reach along it. */
export function snapAngle(anchor: Point, pointer: Point, step = Math.PI / 4): Point {
  const dx = pointer.x - anchor.x;
  const dy = pointer.y - anchor.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return pointer;
  const angle = Math.round(Math.atan2(dy, dx) / step) * step;
  // Projected rather than kept: a 45-degree end then lies under the pointer's row or column.
  const reach = dx * Math.cos(angle) + dy * Math.sin(angle);
  const x = anchor.x + reach * Math.cos(angle);
  const y = anchor.y + reach * Math.sin(angle);
  // Cosines of right angles are 6e-17, not 0: clean them so a horizontal line stays exactly horizontal.
  return { x: Math.abs(x - anchor.x) < 1e-9 ? anchor.x : x, y: Math.abs(y - anchor.y) < 1e-9 ? anchor.y : y };
}

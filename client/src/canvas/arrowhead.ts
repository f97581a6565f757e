import { POLYLINE_POINT_SIZE } from "@whiteboard/shared";

/** Half the angle between the two barbs of an arrowhead. */
const ARROW_SPREAD = Math.PI / 7;

/** Long enough to read on a thin line, in proportion on a thick one (within `localBounds`' padding). */
function arrowHeadLength(width: number): number {
  return Math.max(12, width * 3.5);
}

export interface Arrowhead {
  tip: { x: number; y: number };
  left: { x: number; y: number };
  right: { x: number; y: number };
}

/**
 * The barbs of an arrow whose flat `[x, y, ...]` points end at its tip, as the board and the
 * exports draw them. The head follows the last segment that has a length (a repeated last point
 * has no direction); undefined when no segment has one.
 */
export function arrowhead(points: readonly number[], width: number): Arrowhead | undefined {
  const n = points.length;
  const tip = { x: points[n - 2]!, y: points[n - 1]! };
  for (let i = n - 4; i >= 0; i -= POLYLINE_POINT_SIZE) {
    const dx = tip.x - points[i]!;
    const dy = tip.y - points[i + 1]!;
    if (dx === 0 && dy === 0) continue;
    const angle = Math.atan2(dy, dx);
    const length = arrowHeadLength(width);
    const barb = (spread: number) => ({
      x: tip.x - length * Math.cos(angle + spread),
      y: tip.y - length * Math.sin(angle + spread),
    });
    return { tip, left: barb(-ARROW_SPREAD), right: barb(ARROW_SPREAD) };
  }
  return undefined;
}

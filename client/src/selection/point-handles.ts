import { type Element, POLYLINE_POINT_SIZE, type PolylineElement } from "@whiteboard/shared";
import type { Point } from "../geometry/box";
import { HANDLE_SIZE_PX } from "./handles";

/**
 * A line or an arrow alone in the selection is edited by its points (drag an end to where it
 * should go), not by a box around it: a box stretch would bend a diagonal line's angle with
 * every drag. Unrotated ones only; a rotated one keeps the box.
 */
export function editablePolyline(elements: readonly Element[]): PolylineElement | undefined {
  const only = elements.length === 1 ? elements[0] : undefined;
  return only && (only.type === "line" || only.type === "arrow") && !only.rotation ? only : undefined;
}

/** The polyline's points in board coordinates. */
export function polylinePoints(line: PolylineElement): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < line.points.length; i += POLYLINE_POINT_SIZE) points.push({ x: line.x + line.points[i]!, y: line.y + line.points[i + 1]! });
  return points;
}

/** The index of the point whose handle is under `p`, if any. */
export function pointHandleAt(line: PolylineElement, zoom: number, p: Point): number | undefined {
  const reach = (HANDLE_SIZE_PX / 2 + 2) / zoom;
  const points = polylinePoints(line);
  // Last first: a line drawn back onto its start grabs the end, which is the one usually moved.
  for (let i = points.length - 1; i >= 0; i--) {
    if (Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y) <= reach) return i;
  }
  return undefined;
}

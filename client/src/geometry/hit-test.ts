import { type Element, POLYLINE_POINT_SIZE, STROKE_POINT_SIZE } from "@whiteboard/shared";
import { type Box, type Point, boxContainsBox, boxContainsPoint, boxesIntersect } from "./box";
import { distanceToBoxOutline, distanceToEllipseOutline, distanceToPolyline, insideEllipse } from "./distance";
import { elementBounds, elementShape, toLocal } from "./element-shape";
import type { TextMeasure } from "./text-measure";

/**
 * Whether `point` touches the element as drawn, give or take `tolerance` board units. Ink is
 * hit where it is: a line along its length, an unfilled rectangle or ellipse on its outline
 * only (clicking inside an empty frame should reach what is behind it, as in other whiteboards),
 * a filled one anywhere inside, text anywhere in its block.
 */
export function hitElement(element: Element, point: Point, tolerance: number, measure: TextMeasure): boolean {
  // Cheap rejection first: most elements are nowhere near the pointer.
  if (!boxContainsPoint(elementBounds(element, measure), point, tolerance)) return false;
  const shape = elementShape(element, measure);
  const p = toLocal(element, shape, point);
  const reach = element.width / 2 + tolerance;
  switch (element.type) {
    case "stroke":
      return distanceToPolyline(p, element.points, STROKE_POINT_SIZE) <= reach;
    case "line":
    case "arrow":
      return distanceToPolyline(p, element.points, POLYLINE_POINT_SIZE) <= reach;
    case "rect": {
      const inside = p.x >= 0 && p.x <= element.w && p.y >= 0 && p.y <= element.h;
      if (element.fill !== undefined && inside) return true;
      return distanceToBoxOutline(p, element.w, element.h) <= reach;
    }
    case "ellipse":
      if (element.fill !== undefined && insideEllipse(p, element.w, element.h)) return true;
      return distanceToEllipseOutline(p, element.w, element.h) <= reach;
    case "text": {
      const local = { minX: 0, minY: 0, maxX: shape.box.maxX - shape.box.minX, maxY: shape.box.maxY - shape.box.minY };
      return boxContainsPoint(local, p, tolerance);
    }
    default: {
      const unhandled: never = element;
      return unhandled;
    }
  }
}

/** How a marquee picks: only what lies wholly inside it, or anything its box touches. */
export type BoxPick = "contain" | "intersect";

export function elementInBox(element: Element, box: Box, pick: BoxPick, measure: TextMeasure): boolean {
  const bounds = elementBounds(element, measure);
  return pick === "contain" ? boxContainsBox(box, bounds) : boxesIntersect(box, bounds);
}

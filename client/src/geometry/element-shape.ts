import { type Element, POLYLINE_POINT_SIZE, STROKE_POINT_SIZE, TEXT_LINE_HEIGHT, TEXT_MIN_WIDTH, flatPointsExtent } from "@whiteboard/shared";
import { type Box, type Point, boxCentre, rotateAbout } from "./box";
import type { TextMeasure } from "./text-measure";

/** Where an element is: its geometric box before rotation (board coordinates), and how it is turned. */
export interface ElementShape {
  /** The geometry itself (points, box, text block), without the ink's width. */
  box: Box;
  /** SPEC: rotation is about the element's centre. */
  centre: Point;
  rotation: number;
}

/** The element's geometric box relative to its own `x`, `y`. */
export function localBox(element: Element, measure: TextMeasure): Box {
  switch (element.type) {
    case "stroke":
      return flatPointsExtent(element.points, STROKE_POINT_SIZE);
    case "line":
    case "arrow":
      return flatPointsExtent(element.points, POLYLINE_POINT_SIZE);
    case "rect":
    case "ellipse":
      return { minX: 0, minY: 0, maxX: element.w, maxY: element.h };
    case "text": {
      const lines = element.text.split("\n");
      const widest = Math.max(0, ...lines.map((line) => measure(line, element.fontSize)));
      return {
        minX: 0,
        minY: 0,
        maxX: Math.max(widest, element.fontSize * TEXT_MIN_WIDTH),
        maxY: lines.length * element.fontSize * TEXT_LINE_HEIGHT,
      };
    }
    default: {
      const unhandled: never = element;
      return unhandled;
    }
  }
}

export function elementShape(element: Element, measure: TextMeasure): ElementShape {
  const local = localBox(element, measure);
  const box = { minX: element.x + local.minX, minY: element.y + local.minY, maxX: element.x + local.maxX, maxY: element.y + local.maxY };
  return { box, centre: boxCentre(box), rotation: element.rotation ?? 0 };
}

/** The shape's four corners in board coordinates, rotation applied. */
export function shapeCorners(shape: ElementShape): Point[] {
  const { box, centre, rotation } = shape;
  return [
    { x: box.minX, y: box.minY },
    { x: box.maxX, y: box.minY },
    { x: box.maxX, y: box.maxY },
    { x: box.minX, y: box.maxY },
  ].map((p) => rotateAbout(p, centre, rotation));
}

/** The board-space box around the element as drawn: rotation applied, half the ink's width around it. */
export function elementBounds(element: Element, measure: TextMeasure): Box {
  const corners = shapeCorners(elementShape(element, measure));
  const pad = element.type === "text" ? 0 : element.width / 2;
  return {
    minX: Math.min(...corners.map((c) => c.x)) - pad,
    minY: Math.min(...corners.map((c) => c.y)) - pad,
    maxX: Math.max(...corners.map((c) => c.x)) + pad,
    maxY: Math.max(...corners.map((c) => c.y)) + pad,
  };
}

/** A board point in the element's own frame: relative to `x`, `y`, rotation undone. */
export function toLocal(element: Element, shape: ElementShape, p: Point): Point {
  const unrotated = rotateAbout(p, shape.centre, -shape.rotation);
  return { x: unrotated.x - element.x, y: unrotated.y - element.y };
}

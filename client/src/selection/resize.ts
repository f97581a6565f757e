import {
  type Element,
  POLYLINE_POINT_SIZE,
  STROKE_POINT_SIZE,
  quantiseCoordinate,
  quantiseOrigin,
  setBox,
  setElementPoints,
  setTextGeometry,
} from "@whiteboard/shared";
import type * as Y from "yjs";
import type { Box, Point } from "../geometry/box";
import type { HandleName } from "./handles";

/**
 * The box after dragging `handle` of `start` to `pointer`. The opposite side stays put; a side
 * never crosses it (no flipping), and keeps at least `minSize`. With `keepAspect` (shift) the
 * box keeps its proportions: a corner follows the larger of the two stretches, a side handle
 * grows the other axis about its middle.
 */
export function resizeBox(start: Box, handle: HandleName, pointer: Point, keepAspect: boolean, minSize: number): Box {
  let { minX, minY, maxX, maxY } = start;
  if (handle.includes("w")) minX = Math.min(pointer.x, maxX - minSize);
  if (handle.includes("e")) maxX = Math.max(pointer.x, minX + minSize);
  if (handle.includes("n")) minY = Math.min(pointer.y, maxY - minSize);
  if (handle.includes("s")) maxY = Math.max(pointer.y, minY + minSize);
  if (!keepAspect) return { minX, minY, maxX, maxY };

  const w0 = start.maxX - start.minX;
  const h0 = start.maxY - start.minY;
  if (w0 <= 0 || h0 <= 0) return { minX, minY, maxX, maxY };
  const sx = (maxX - minX) / w0;
  const sy = (maxY - minY) / h0;
  const horizontal = handle === "e" || handle === "w";
  const vertical = handle === "n" || handle === "s";
  const s = horizontal ? sx : vertical ? sy : Math.max(sx, sy);
  const w = w0 * s;
  const h = h0 * s;
  if (vertical) {
    const cx = (start.minX + start.maxX) / 2;
    minX = cx - w / 2;
    maxX = cx + w / 2;
  } else if (handle.includes("w")) minX = maxX - w;
  else maxX = minX + w;
  if (horizontal) {
    const cy = (start.minY + start.maxY) / 2;
    minY = cy - h / 2;
    maxY = cy + h / 2;
  } else if (handle.includes("n")) minY = maxY - h;
  else maxY = minY + h;
  return { minX, minY, maxX, maxY };
}

/** An element's geometry after a resize, as it will be written. */
export type ResizedGeometry =
  | { kind: "box"; x: number; y: number; w: number; h: number }
  | { kind: "points"; x: number; y: number; points: number[] }
  | { kind: "text"; x: number; y: number; fontSize: number };

/**
 * Where an element goes when the box `from` is stretched into `to`: every point of it mapped
 * by the same stretch. Ink widths stay as they are (a thicker line is a different style, not a
 * bigger one); text scales through its font size, by the stretch the handle makes (`axis`).
 * Always computed from the element as it was when the drag began, so rounding never adds up.
 */
export function resizeElement(element: Element, from: Box, to: Box, axis: "x" | "y", zoom: number): ResizedGeometry {
  const sx = from.maxX > from.minX ? (to.maxX - to.minX) / (from.maxX - from.minX) : 1;
  const sy = from.maxY > from.minY ? (to.maxY - to.minY) / (from.maxY - from.minY) : 1;
  const mapX = (x: number) => to.minX + (x - from.minX) * sx;
  const mapY = (y: number) => to.minY + (y - from.minY) * sy;
  switch (element.type) {
    case "rect":
    case "ellipse":
      return { kind: "box", x: mapX(element.x), y: mapY(element.y), w: element.w * sx, h: element.h * sy };
    case "stroke":
    case "line":
    case "arrow": {
      const size = element.type === "stroke" ? STROKE_POINT_SIZE : POLYLINE_POINT_SIZE;
      const x = quantiseOrigin(mapX(element.x));
      const y = quantiseOrigin(mapY(element.y));
      const points = element.points.slice();
      for (let i = 0; i + 1 < points.length; i += size) {
        points[i] = quantiseCoordinate(mapX(element.x + element.points[i]!) - x, zoom);
        points[i + 1] = quantiseCoordinate(mapY(element.y + element.points[i + 1]!) - y, zoom);
      }
      return { kind: "points", x, y, points };
    }
    case "text": {
      const scale = axis === "x" ? sx : sy;
      // Quarter points: exact in float32, so the size stays 5 bytes in the doc.
      const fontSize = Math.max(1, Math.round(element.fontSize * scale * 4) / 4);
      return { kind: "text", x: mapX(element.x), y: mapY(element.y), fontSize };
    }
    default: {
      const unhandled: never = element;
      return unhandled;
    }
  }
}

/** Writes a resized geometry; false when the element went away meanwhile. */
export function writeResized(doc: Y.Doc, id: string, geometry: ResizedGeometry, zoom: number): boolean {
  switch (geometry.kind) {
    case "box":
      return setBox(doc, id, geometry, zoom);
    case "points":
      return setElementPoints(doc, id, geometry.x, geometry.y, geometry.points);
    case "text":
      return setTextGeometry(doc, id, geometry.x, geometry.y, geometry.fontSize);
    default: {
      const unhandled: never = geometry;
      return unhandled;
    }
  }
}

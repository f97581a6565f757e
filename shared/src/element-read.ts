import * as Y from "yjs";
import {
  type Element,
  type ElementBase,
  POLYLINE_POINT_SIZE,
  STROKE_POINT_SIZE,
  comparePaintOrder,
  elementsOf,
  isElementType,
} from "./element.js";

/**
 * Reads one element out of the doc, or `undefined` when it cannot be drawn: an unknown type, a
 * required field missing or of the wrong type. Never throws: the doc is written by every client
 * of the board, and SPEC says the app ignores what it does not understand rather than crash.
 * Optional fields of the wrong type are dropped, not fatal: the element is still drawable.
 */
export function readElement(id: string, value: unknown): Element | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const map = value as Y.Map<unknown>;
  const type = map.get("type");
  if (!isElementType(type)) return undefined;
  const base = readBase(id, map);
  if (base === undefined) return undefined;

  switch (type) {
    case "stroke": {
      const points = readPoints(map.get("points"), STROKE_POINT_SIZE, 1);
      return points && { ...base, type, points };
    }
    case "line":
    case "arrow": {
      const points = readPoints(map.get("points"), POLYLINE_POINT_SIZE, 2);
      return points && { ...base, type, points };
    }
    case "rect":
    case "ellipse": {
      const w = map.get("w");
      const h = map.get("h");
      if (!isFiniteNumber(w) || !isFiniteNumber(h) || w < 0 || h < 0) return undefined;
      const fill = map.get("fill");
      return { ...base, type, w, h, ...(typeof fill === "string" ? { fill } : {}) };
    }
    case "text": {
      const text = map.get("text");
      const fontSize = map.get("fontSize");
      if (!(text instanceof Y.Text) || !isFiniteNumber(fontSize) || fontSize <= 0) return undefined;
      return { ...base, type, text: text.toString(), fontSize };
    }
    default: {
      const unhandled: never = type;
      return unhandled;
    }
  }
}

/** Every drawable element of the doc, in paint order; the rest are skipped. */
export function readElements(doc: Y.Doc): Element[] {
  const elements: Element[] = [];
  elementsOf(doc).forEach((value, id) => {
    const element = readElement(id, value);
    if (element) elements.push(element);
  });
  return elements.sort(comparePaintOrder);
}

function readBase(id: string, map: Y.Map<unknown>): ElementBase | undefined {
  const x = map.get("x");
  const y = map.get("y");
  const color = map.get("color");
  const width = map.get("width");
  const z = map.get("z");
  const createdBy = map.get("createdBy");
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(z)) return undefined;
  if (typeof color !== "string" || typeof createdBy !== "string" || width < 0) return undefined;
  const base: ElementBase = { id, x, y, color, width, z, createdBy };
  const rotation = map.get("rotation");
  if (isFiniteNumber(rotation)) base.rotation = rotation;
  const opacity = map.get("opacity");
  if (isFiniteNumber(opacity) && opacity >= 0 && opacity <= 1) base.opacity = opacity;
  return base;
}

/**
 * A flat point array of whole `size`-tuples, at least `minPoints` of them. A trailing partial
 * tuple is dropped (it can only be a writer's bug); any non-number refuses the whole element,
 * since one bad coordinate would shift every point after it.
 */
function readPoints(value: unknown, size: number, minPoints: number): number[] | undefined {
  if (!(value instanceof Y.Array)) return undefined;
  const raw: unknown[] = value.toArray();
  const whole = raw.length - (raw.length % size);
  if (whole < size * minPoints) return undefined;
  const points = new Array<number>(whole);
  for (let i = 0; i < whole; i++) {
    const n = raw[i];
    if (!isFiniteNumber(n)) return undefined;
    points[i] = n;
  }
  return points;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

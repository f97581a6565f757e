import * as Y from "yjs";

/**
 * SPEC's document model: what an element is once read out of the `Y.Doc`. The doc holds
 * `Y.Map`s that anyone may have written; `readElement` turns one into these types or refuses it.
 */

/** The top-level map of the doc: element id -> `Y.Map` of the element's fields. */
export const ELEMENTS_KEY = "elements";

export const ELEMENT_TYPES = ["stroke", "rect", "ellipse", "line", "arrow", "text"] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

/** Fields every element has. `x`, `y` are board coordinates; points are relative to them. */
export interface ElementBase {
  id: string;
  x: number;
  y: number;
  /** A CSS colour string, as written: the renderer must survive one the canvas rejects. */
  color: string;
  width: number;
  /** Paint order, low first; ties broken by id so every client paints the same picture. */
  z: number;
  createdBy: string;
  /** Radians, about the element's centre. */
  rotation?: number;
  /** 0..1 */
  opacity?: number;
}

export interface StrokeElement extends ElementBase {
  type: "stroke";
  /** Flat `[x, y, pressure, ...]` relative to `x`, `y`; always whole triples. */
  points: number[];
}

export interface BoxElement extends ElementBase {
  type: "rect" | "ellipse";
  w: number;
  h: number;
  fill?: string;
}

export interface PolylineElement extends ElementBase {
  type: "line" | "arrow";
  /** Flat `[x, y, x, y, ...]` relative to `x`, `y`; at least two points, always whole pairs. */
  points: number[];
}

export interface TextElement extends ElementBase {
  type: "text";
  text: string;
  fontSize: number;
}

export type Element = StrokeElement | BoxElement | PolylineElement | TextElement;

/** A text's line height, in font sizes: the renderer, hit testing and the export lay lines out alike. */
export const TEXT_LINE_HEIGHT = 1.25;
/**
 * An empty or very narrow text still has a box this wide, in font sizes: something to click on,
 * and the box whose centre it turns about, the same for the renderer and for hit testing.
 */
export const TEXT_MIN_WIDTH = 0.5;

/** Numbers per point in a stroke's `points`: x, y, pressure. */
export const STROKE_POINT_SIZE = 3;
/** Numbers per point in a line's or arrow's `points`: x, y. */
export const POLYLINE_POINT_SIZE = 2;

export function elementsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ELEMENTS_KEY);
}

export function isElementType(value: unknown): value is ElementType {
  return typeof value === "string" && (ELEMENT_TYPES as readonly string[]).includes(value);
}

/** SPEC's paint order: `z` low first, ties broken by element id. */
export function comparePaintOrder(a: Pick<Element, "z" | "id">, b: Pick<Element, "z" | "id">): number {
  if (a.z !== b.z) return a.z - b.z;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

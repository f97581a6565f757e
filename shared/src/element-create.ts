import type * as Y from "yjs";
import { quantiseCoordinate, quantiseOrigin } from "./doc-quantise.js";
import { nextZ } from "./doc-order.js";
import { insertElement } from "./element-write.js";

/** A point in board coordinates. */
export interface BoardPoint {
  x: number;
  y: number;
}

/** What every new element takes from the toolbar and the page. */
export interface NewElementBase {
  color: string;
  width: number;
  /** 0..1; 1 (or absent) is opaque and is not written. */
  opacity?: number;
  createdBy: string;
  /** The zoom it is drawn at: it decides how finely sizes and points are rounded (DESIGN). */
  zoom: number;
  /** Chosen by the caller only in tests and pastes; a fresh random id otherwise. */
  id?: string;
}

export interface NewBox extends NewElementBase {
  type: "rect" | "ellipse";
  /** Board coordinates of the top-left corner; `w`, `h` >= 0. */
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
}

export interface NewPolyline extends NewElementBase {
  type: "line" | "arrow";
  /** Board coordinates, two or more; an arrow's head is at the last. */
  points: readonly BoardPoint[];
}

export interface NewText extends Omit<NewElementBase, "width"> {
  x: number;
  y: number;
  text: string;
  fontSize: number;
}

/**
 * Text has no outline, but SPEC requires `width` on every element: 0 says "no stroke" and is
 * one byte.
 */
export const TEXT_STROKE_WIDTH = 0;

/** The rounded geometry of a box: integer top-left, size rounded for the zoom so its far corner stays put. */
export function quantiseBox(box: { x: number; y: number; w: number; h: number }, zoom: number) {
  const x = quantiseOrigin(box.x);
  const y = quantiseOrigin(box.y);
  return {
    x,
    y,
    w: Math.max(0, quantiseCoordinate(box.x + Math.max(0, box.w) - x, zoom)),
    h: Math.max(0, quantiseCoordinate(box.y + Math.max(0, box.h) - y, zoom)),
  };
}

/** Board points to an integer origin (the first point) and flat `[x, y, ...]` rounded relative to it. */
export function quantisePolyline(points: readonly BoardPoint[], zoom: number): { x: number; y: number; points: number[] } {
  const first = points[0] ?? { x: 0, y: 0 };
  const x = quantiseOrigin(first.x);
  const y = quantiseOrigin(first.y);
  const flat: number[] = [];
  for (const point of points) flat.push(quantiseCoordinate(point.x - x, zoom), quantiseCoordinate(point.y - y, zoom));
  return { x, y, points: flat };
}

/** Adds a rectangle or ellipse on top of everything, in one transaction; returns its id. */
export function createBox(doc: Y.Doc, box: NewBox): string {
  let id = "";
  doc.transact(() => {
    id = insertElement(
      doc,
      {
        type: box.type,
        ...quantiseBox(box, box.zoom),
        color: box.color,
        width: box.width,
        z: nextZ(doc),
        createdBy: box.createdBy,
        ...(box.opacity !== undefined ? { opacity: box.opacity } : {}),
        ...(box.fill !== undefined ? { fill: box.fill } : {}),
      },
      box.id,
    );
  });
  return id;
}

/** Adds a line or an arrow on top of everything; fewer than two points is a caller's bug. */
export function createPolyline(doc: Y.Doc, line: NewPolyline): string {
  if (line.points.length < 2) throw new Error("a line needs two points or more");
  let id = "";
  doc.transact(() => {
    id = insertElement(
      doc,
      {
        type: line.type,
        ...quantisePolyline(line.points, line.zoom),
        color: line.color,
        width: line.width,
        z: nextZ(doc),
        createdBy: line.createdBy,
        ...(line.opacity !== undefined ? { opacity: line.opacity } : {}),
      },
      line.id,
    );
  });
  return id;
}

/** Adds a text element (its `text` a `Y.Text`, possibly empty while it is being typed). */
export function createText(doc: Y.Doc, text: NewText): string {
  let id = "";
  doc.transact(() => {
    id = insertElement(
      doc,
      {
        type: "text",
        x: quantiseOrigin(text.x),
        y: quantiseOrigin(text.y),
        color: text.color,
        width: TEXT_STROKE_WIDTH,
        z: nextZ(doc),
        createdBy: text.createdBy,
        text: text.text,
        fontSize: text.fontSize,
        ...(text.opacity !== undefined ? { opacity: text.opacity } : {}),
      },
      text.id,
    );
  });
  return id;
}

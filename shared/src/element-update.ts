import * as Y from "yjs";
import { quantiseOrigin } from "./doc-quantise.js";
import { elementsOf } from "./element.js";
import { type BoardPoint, quantiseBox, quantisePolyline } from "./element-create.js";
import { elementMapOf } from "./element-write.js";

/**
 * Changes to elements already in the doc. Each writes only the fields it is about, so fields
 * this client does not know (written by a newer client) survive a move or a restyle; each
 * returns false, and writes nothing, when the element is gone or is not of a type it applies to
 * (someone else may have deleted or replaced it a moment ago).
 */

/** Moves an element's origin; origins stay integers (its points are relative to it). */
export function moveElementTo(doc: Y.Doc, id: string, x: number, y: number): boolean {
  const map = elementMapOf(doc, id);
  if (!map) return false;
  doc.transact(() => {
    const qx = quantiseOrigin(x);
    const qy = quantiseOrigin(y);
    if (map.get("x") !== qx) map.set("x", qx);
    if (map.get("y") !== qy) map.set("y", qy);
  });
  return true;
}

/**
 * Turns an element to `rotation` radians (about its centre, SPEC) with its origin moved to `x`,
 * `y` (a turn about some other point moves the centre too). Stored in [0, 2π); a turn back to
 * none removes the field, as a new element would not have it.
 */
export function setElementRotation(doc: Y.Doc, id: string, x: number, y: number, rotation: number): boolean {
  const map = elementMapOf(doc, id);
  if (!map || !Number.isFinite(rotation)) return false;
  const turn = Math.PI * 2;
  let normal = rotation % turn;
  if (normal < 0) normal += turn;
  // A whisker either side of a whole turn is no turn at all.
  if (normal < 1e-9 || turn - normal < 1e-9) normal = 0;
  doc.transact(() => {
    const qx = quantiseOrigin(x);
    const qy = quantiseOrigin(y);
    if (map.get("x") !== qx) map.set("x", qx);
    if (map.get("y") !== qy) map.set("y", qy);
    if (normal === 0) {
      if (map.has("rotation")) map.delete("rotation");
    } else if (map.get("rotation") !== normal) map.set("rotation", normal);
  });
  return true;
}

/** Sets a rectangle's or ellipse's box, rounded as a new one would be. */
export function setBox(doc: Y.Doc, id: string, box: { x: number; y: number; w: number; h: number }, zoom: number): boolean {
  const map = elementMapOf(doc, id);
  const type = map?.get("type");
  if (!map || (type !== "rect" && type !== "ellipse")) return false;
  const q = quantiseBox(box, zoom);
  doc.transact(() => {
    for (const key of ["x", "y", "w", "h"] as const) if (map.get(key) !== q[key]) map.set(key, q[key]);
  });
  return true;
}

/** Replaces a line's or arrow's points (board coordinates, two or more), rounded as a new one would be. */
export function setPolylinePoints(doc: Y.Doc, id: string, points: readonly BoardPoint[], zoom: number): boolean {
  const map = elementMapOf(doc, id);
  const type = map?.get("type");
  if (!map || (type !== "line" && type !== "arrow") || points.length < 2) return false;
  const q = quantisePolyline(points, zoom);
  return replacePoints(doc, map, q.x, q.y, q.points);
}

/**
 * Replaces the flat points of a stroke, line or arrow together with its origin, in one
 * transaction. The caller has rounded them (see `quantiseCoordinate`); a resize computes them
 * from the points it started with, so rounding never accumulates.
 */
export function setElementPoints(doc: Y.Doc, id: string, x: number, y: number, flat: readonly number[]): boolean {
  const map = elementMapOf(doc, id);
  const type = map?.get("type");
  if (!map || (type !== "stroke" && type !== "line" && type !== "arrow")) return false;
  return replacePoints(doc, map, quantiseOrigin(x), quantiseOrigin(y), flat);
}

function replacePoints(doc: Y.Doc, map: Y.Map<unknown>, x: number, y: number, flat: readonly number[]): boolean {
  doc.transact(() => {
    if (map.get("x") !== x) map.set("x", x);
    if (map.get("y") !== y) map.set("y", y);
    const current = map.get("points");
    // The same Y.Array, emptied and refilled: whoever watches it keeps watching.
    if (current instanceof Y.Array) {
      if (current.length > 0) current.delete(0, current.length);
      current.push([...flat]);
    } else {
      const points = new Y.Array<number>();
      points.push([...flat]);
      map.set("points", points);
    }
  });
  return true;
}

/** A restyle: only the fields given are written; `fill: null` removes the fill, `opacity: 1` removes the opacity. */
export interface StylePatch {
  color?: string;
  width?: number;
  opacity?: number;
  fill?: string | null;
  fontSize?: number;
}

/** Restyles one element, writing only the fields that apply to its type and differ from what is there. */
export function setElementStyle(doc: Y.Doc, id: string, patch: StylePatch): boolean {
  const map = elementMapOf(doc, id);
  if (!map) return false;
  const type = map.get("type");
  doc.transact(() => {
    const put = (key: string, value: unknown) => {
      if (map.get(key) !== value) map.set(key, value);
    };
    if (patch.color !== undefined) put("color", patch.color);
    if (patch.width !== undefined && type !== "text") put("width", Math.max(0, patch.width));
    if (patch.opacity !== undefined) {
      const opacity = Math.min(1, Math.max(0, patch.opacity));
      if (opacity >= 1) {
        if (map.has("opacity")) map.delete("opacity");
      } else put("opacity", opacity);
    }
    if (patch.fill !== undefined && (type === "rect" || type === "ellipse")) {
      if (patch.fill === null) {
        if (map.has("fill")) map.delete("fill");
      } else put("fill", patch.fill);
    }
    if (patch.fontSize !== undefined && type === "text" && patch.fontSize > 0) put("fontSize", patch.fontSize);
  });
  return true;
}

/** Sets a text element's font size and origin together (a resize of text scales its font). */
export function setTextGeometry(doc: Y.Doc, id: string, x: number, y: number, fontSize: number): boolean {
  const map = elementMapOf(doc, id);
  if (!map || map.get("type") !== "text" || !(fontSize > 0)) return false;
  doc.transact(() => {
    const qx = quantiseOrigin(x);
    const qy = quantiseOrigin(y);
    if (map.get("x") !== qx) map.set("x", qx);
    if (map.get("y") !== qy) map.set("y", qy);
    if (map.get("fontSize") !== fontSize) map.set("fontSize", fontSize);
  });
  return true;
}

/** Removes elements in one transaction; ids already gone are skipped. Returns how many went. */
export function deleteElements(doc: Y.Doc, ids: Iterable<string>): number {
  const elements = elementsOf(doc);
  let removed = 0;
  doc.transact(() => {
    for (const id of ids) {
      if (!elements.has(id)) continue;
      elements.delete(id);
      removed++;
    }
  });
  return removed;
}

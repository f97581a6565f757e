import * as Y from "yjs";
import { type Element, elementsOf } from "./element.js";
import { newElementId } from "./element-id.js";

/** An element as the doc keys it: every field but the id, which is its key in `elements`. */
export type ElementFields = WithoutId<Element>;
/** `Omit` applied to each member of a union, so the result stays a union narrowable by `type`. */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/**
 * A `Y.Map` holding exactly SPEC's fields for `fields`: points as a `Y.Array<number>` so others
 * can watch them grow, text as a `Y.Text` so two people can type into it, optional fields only
 * when present (an absent `fill` means none; absent `opacity` means opaque).
 */
export function elementMap(fields: ElementFields): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set("type", fields.type);
  map.set("x", fields.x);
  map.set("y", fields.y);
  map.set("color", fields.color);
  map.set("width", fields.width);
  map.set("z", fields.z);
  map.set("createdBy", fields.createdBy);
  if (fields.rotation !== undefined && fields.rotation !== 0) map.set("rotation", fields.rotation);
  if (fields.opacity !== undefined && fields.opacity < 1) map.set("opacity", fields.opacity);
  switch (fields.type) {
    case "stroke":
    case "line":
    case "arrow": {
      const points = new Y.Array<number>();
      points.push(fields.points);
      map.set("points", points);
      break;
    }
    case "rect":
    case "ellipse":
      map.set("w", fields.w);
      map.set("h", fields.h);
      if (fields.fill !== undefined) map.set("fill", fields.fill);
      break;
    case "text": {
      const text = new Y.Text();
      text.insert(0, fields.text);
      map.set("text", text);
      map.set("fontSize", fields.fontSize);
      break;
    }
    default: {
      const unhandled: never = fields;
      return unhandled;
    }
  }
  return map;
}

/** Adds one element in one transaction (joining the caller's, if any) and returns its id. */
export function insertElement(doc: Y.Doc, fields: ElementFields, id: string = newElementId()): string {
  doc.transact(() => elementsOf(doc).set(id, elementMap(fields)));
  return id;
}

/** The element's `Y.Map`, or undefined when the id holds nothing or something that is not a map. */
export function elementMapOf(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value = elementsOf(doc).get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

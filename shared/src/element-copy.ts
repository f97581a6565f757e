import * as Y from "yjs";
import { quantiseOrigin } from "./doc-quantise.js";
import { nextZ } from "./doc-order.js";
import { type Element, comparePaintOrder, elementsOf } from "./element.js";
import { readElement } from "./element-read.js";
import { type ElementFields, insertElement } from "./element-write.js";

/**
 * Copies of elements that live outside any doc (a clipboard, a duplicate in flight): plain
 * JSON, exactly SPEC's fields, in paint order. Unknown and malformed elements are not copied.
 */
export function copyElements(doc: Y.Doc, ids: Iterable<string>): ElementFields[] {
  const elements = elementsOf(doc);
  const read: Element[] = [];
  for (const id of new Set(ids)) {
    const element = readElement(id, elements.get(id));
    if (element) read.push(element);
  }
  return read.sort(comparePaintOrder).map(withoutId);
}

/**
 * Elements from untrusted JSON (another board's clipboard, or anybody's), checked exactly as
 * the doc's own are: each is written into a scratch doc and read back with `readElement`, so
 * what is accepted here is what every client would draw. Bad entries are skipped, never thrown.
 */
export function elementsFromJson(values: unknown): ElementFields[] {
  if (!Array.isArray(values)) return [];
  const scratch = new Y.Doc();
  const accepted: ElementFields[] = [];
  values.forEach((value, i) => {
    const map = jsonToMap(value);
    if (!map) return;
    const id = String(i);
    elementsOf(scratch).set(id, map);
    const element = readElement(id, elementsOf(scratch).get(id));
    if (element) accepted.push(withoutId(element));
  });
  scratch.destroy();
  return accepted;
}

export interface PasteOptions {
  /** Added to every origin; rounded, since origins are integers. */
  dx: number;
  dy: number;
  /** The copies are the paster's own elements. */
  createdBy: string;
}

/**
 * Adds copies with fresh ids (pasting twice makes two copies, never overwrites), stacked on
 * top of everything in the order given, in one transaction. Returns the new ids in that order.
 */
export function pasteElements(doc: Y.Doc, copies: readonly ElementFields[], options: PasteOptions): string[] {
  const dx = quantiseOrigin(options.dx);
  const dy = quantiseOrigin(options.dy);
  const ids: string[] = [];
  doc.transact(() => {
    const base = nextZ(doc);
    copies.forEach((copy, i) => {
      ids.push(insertElement(doc, { ...copy, x: copy.x + dx, y: copy.y + dy, z: base + i, createdBy: options.createdBy }));
    });
  });
  return ids;
}

function withoutId(element: Element): ElementFields {
  const { id: _id, ...fields } = element;
  return fields as ElementFields;
}

/** A plain object shaped like an element into a `Y.Map` (points to `Y.Array`, text to `Y.Text`), or undefined. */
function jsonToMap(value: unknown): Y.Map<unknown> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  const map = new Y.Map<unknown>();
  for (const [key, field] of Object.entries(fields)) {
    if (key === "points" && Array.isArray(field)) {
      const points = new Y.Array<unknown>();
      points.push(field);
      map.set(key, points);
    } else if (key === "text" && typeof field === "string") {
      const text = new Y.Text();
      text.insert(0, field);
      map.set(key, text);
    } else if (isPlainValue(field)) {
      map.set(key, field);
    }
  }
  return map;
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

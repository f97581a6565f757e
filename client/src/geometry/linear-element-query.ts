import { type Element, comparePaintOrder, elementsOf, readElement } from "@whiteboard/shared";
import type * as Y from "yjs";
import { type Box, type Point, boxContainsBox, boxContainsPoint, boxesIntersect } from "./box";
import type { ElementQuery } from "./element-query";
import { elementBounds } from "./element-shape";
import { type BoxPick, hitElement } from "./hit-test";
import type { TextMeasure } from "./text-measure";

/**
 * `ElementQuery` by scanning every element. Elements are read out of the doc, and their boxes
 * computed, only when they change (reading copies a stroke's points), so a scan costs one box
 * test per element and an exact hit test only for those whose box is near: fine for boards of a
 * few thousand; a spatial index plugs in behind the same interface.
 */
export function createLinearElementQuery(doc: Y.Doc, measure: TextMeasure): ElementQuery {
  const map = elementsOf(doc);
  const byId = new Map<string, Entry>();
  let ordered: Entry[] = [];
  let orderedElements: Element[] = [];
  const dirty = new Set<string>(map.keys());
  const listeners = new Set<() => void>();

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === map) for (const key of event.keys.keys()) dirty.add(key);
      else if (typeof event.path[0] === "string") dirty.add(event.path[0]);
    }
    for (const listener of listeners) listener();
  };
  map.observeDeep(onChange);

  // Entries change in place; the order is rebuilt only when an element comes, goes or restacks,
  // so a stroke growing on a large board costs one read, not a sort.
  const refresh = () => {
    if (dirty.size === 0) return;
    let reorder = false;
    for (const id of dirty) {
      const element = readElement(id, map.get(id));
      const entry = byId.get(id);
      if (!element) {
        if (entry) {
          byId.delete(id);
          reorder = true;
        }
        continue;
      }
      const bounds = elementBounds(element, measure);
      if (entry) {
        if (entry.element.z !== element.z) reorder = true;
        entry.element = element;
        entry.bounds = bounds;
      } else {
        byId.set(id, { element, bounds });
        reorder = true;
      }
    }
    dirty.clear();
    if (reorder) ordered = [...byId.values()].sort((a, b) => comparePaintOrder(a.element, b.element));
    orderedElements = ordered.map((entry) => entry.element);
  };

  return {
    elementsAt(point: Point, tolerance: number) {
      refresh();
      const hits: Element[] = [];
      for (let i = ordered.length - 1; i >= 0; i--) {
        const { element, bounds } = ordered[i]!;
        if (boxContainsPoint(bounds, point, tolerance) && hitElement(element, point, tolerance, measure)) hits.push(element);
      }
      return hits;
    },
    elementsIn(box: Box, pick: BoxPick) {
      refresh();
      return ordered.filter(({ bounds }) => (pick === "contain" ? boxContainsBox(box, bounds) : boxesIntersect(box, bounds))).map((e) => e.element);
    },
    get(id) {
      refresh();
      return byId.get(id)?.element;
    },
    all() {
      refresh();
      return orderedElements;
    },
    boundsOf(element) {
      refresh();
      const entry = byId.get(element.id);
      return entry && entry.element === element ? entry.bounds : elementBounds(element, measure);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      map.unobserveDeep(onChange);
      listeners.clear();
    },
  };
}

/** An element as last read, and its board box as drawn. */
interface Entry {
  element: Element;
  bounds: Box;
}

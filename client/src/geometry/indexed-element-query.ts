import type { Element } from "@whiteboard/shared";
import { type Box, type Point, boxContainsBox, boxesIntersect } from "./box";
import type { ElementQuery } from "./element-query";
import { elementBounds } from "./element-shape";
import { type BoxPick, hitElement } from "./hit-test";
import type { TextMeasure } from "./text-measure";

/**
 * What the query needs of a spatial index of the board: the renderer's scene
 * (client/src/canvas/scene.ts) is one. Its boxes may be loose (a rotated element's sweep, extra
 * room for ink), never tight: they only pick the candidates that the exact tests then decide.
 */
export interface ElementIndex {
  /** Entries whose box meets `rect`, in paint order. */
  query(rect: Box): readonly { element: Element }[];
  /** Entries whose box, grown by `tolerance`, contains the point, in paint order. */
  queryPoint(point: Point, tolerance: number): readonly { element: Element }[];
  get(id: string): { element: Element } | undefined;
  /** Every drawable element's entry, in paint order. */
  entries(): readonly { element: Element }[];
  subscribe(listener: () => void): () => void;
}

/**
 * `ElementQuery` over the renderer's spatial index: the doc is read once for drawing and hit
 * testing alike, and a click or an eraser sweep on a board of 50,000 strokes tests only the few
 * elements whose boxes are near, exactly.
 */
export function createIndexedElementQuery(index: ElementIndex, measure: TextMeasure): ElementQuery {
  // Keyed by the element object: the index replaces it whenever the element changes.
  const bounds = new WeakMap<Element, Box>();
  const boundsOf = (element: Element): Box => {
    let box = bounds.get(element);
    if (!box) {
      box = elementBounds(element, measure);
      bounds.set(element, box);
    }
    return box;
  };
  // The index updates entries in place, so its array can stay the same while elements change:
  // the list is rebuilt after every change it reports, and is the same array until the next.
  let all: Element[] | undefined;
  const stopWatching = index.subscribe(() => (all = undefined));
  const unsubscribes = new Set<() => void>();

  return {
    elementsAt(point, tolerance) {
      const hits: Element[] = [];
      const near = index.queryPoint(point, tolerance);
      for (let i = near.length - 1; i >= 0; i--) {
        const { element } = near[i]!;
        if (hitElement(element, point, tolerance, measure)) hits.push(element);
      }
      return hits;
    },
    elementsIn(box: Box, pick: BoxPick) {
      const inside = pick === "contain" ? boxContainsBox : boxesIntersect;
      return index
        .query(box)
        .map((entry) => entry.element)
        .filter((element) => inside(box, boundsOf(element)));
    },
    get(id) {
      return index.get(id)?.element;
    },
    all() {
      all ??= index.entries().map((entry) => entry.element);
      return all;
    },
    boundsOf,
    subscribe(listener) {
      const unsubscribe = index.subscribe(listener);
      unsubscribes.add(unsubscribe);
      return () => {
        unsubscribes.delete(unsubscribe);
        unsubscribe();
      };
    },
    destroy() {
      stopWatching();
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribes.clear();
    },
  };
}

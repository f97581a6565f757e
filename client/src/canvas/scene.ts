import { type Element, comparePaintOrder, elementsOf, readElement } from "@whiteboard/shared";
import type * as Y from "yjs";
import { type Bounds, boardBounds, localBounds } from "./bounds";

/** One drawable element and what the renderer caches for it until it changes. */
export interface SceneEntry {
  element: Element;
  local: Bounds;
  board: Bounds;
  /** A stroke's outline, built on first draw and dropped whenever the stroke changes. */
  path: Path2D | null;
}

/**
 * The doc's elements as the renderer wants them: read once, kept in paint order, and re-read
 * only when the doc says they changed. Reading is the expensive part (a stroke's points are
 * copied out of the doc, then outlined), so a board of thousands of finished strokes costs
 * nothing per frame but the drawing itself.
 */
export interface Scene {
  /** Brings changed entries up to date, and returns every drawable element in paint order. */
  entries(): readonly SceneEntry[];
  /** Called (synchronously, at the end of each doc transaction) when something changed. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createScene(doc: Y.Doc): Scene {
  const elements = elementsOf(doc);
  const byId = new Map<string, SceneEntry>();
  let ordered: SceneEntry[] = [];
  // Everything starts dirty: the doc may already hold a board when the scene is made.
  const dirty = new Set<string>(elements.keys());
  const listeners = new Set<() => void>();

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === elements) {
        for (const key of event.keys.keys()) dirty.add(key);
      } else {
        // A change inside an element (points appended, a field set): the path starts at its id.
        const id = event.path[0];
        if (typeof id === "string") dirty.add(id);
      }
    }
    for (const listener of listeners) listener();
  };
  elements.observeDeep(onChange);

  const refresh = () => {
    let reorder = false;
    for (const id of dirty) {
      const element = readElement(id, elements.get(id));
      const entry = byId.get(id);
      if (element === undefined) {
        if (entry) {
          byId.delete(id);
          reorder = true;
        }
        continue;
      }
      const local = localBounds(element);
      const board = boardBounds(element, local);
      if (entry) {
        if (entry.element.z !== element.z) reorder = true;
        // Entries are updated in place so `ordered` stays valid without a sort.
        entry.element = element;
        entry.local = local;
        entry.board = board;
        entry.path = null;
      } else {
        byId.set(id, { element, local, board, path: null });
        reorder = true;
      }
    }
    dirty.clear();
    if (reorder) ordered = [...byId.values()].sort((a, b) => comparePaintOrder(a.element, b.element));
  };

  return {
    entries() {
      if (dirty.size > 0) refresh();
      return ordered;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      elements.unobserveDeep(onChange);
      listeners.clear();
    },
  };
}

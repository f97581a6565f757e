import { type Element, comparePaintOrder, elementsOf, readElement } from "@whiteboard/shared";
import type * as Y from "yjs";
import { type Bounds, type TextWidth, boardBounds, estimateTextWidth, localBounds } from "./bounds";
import { type SpatialIndex, createSpatialIndex } from "./spatial-index";

/** One drawable element and what the renderer caches for it until it changes. */
export interface SceneEntry {
  element: Element;
  local: Bounds;
  board: Bounds;
  /** A stroke's outline, built on first draw and dropped whenever the stroke changes. */
  path: Path2D | null;
  /**
   * Paint order as one number: entries compare by it (low first) exactly as SPEC's `z`-then-id
   * order does. Renumbered when that order changes, so compare, never store.
   */
  order: number;
}

/** What one element did since the last refresh: where it was drawn before, and where now (null: nowhere). */
export interface SceneChange {
  id: string;
  before: Bounds | null;
  after: Bounds | null;
}

/**
 * The doc's elements as the renderer wants them: read once, kept in paint order and in a spatial
 * index, and re-read only when the doc says they changed. Reading is the expensive part (a
 * stroke's points are copied out of the doc, then outlined), so a board of thousands of finished
 * strokes costs nothing per frame but the drawing of what is on screen.
 */
export interface Scene {
  /** Brings changed entries up to date, and returns every drawable element in paint order. */
  entries(): readonly SceneEntry[];
  /** The entry of one element, up to date; undefined when it is absent or cannot be drawn. */
  get(id: string): SceneEntry | undefined;
  /** Entries whose board box meets `rect`, in paint order, up to date. */
  query(rect: Bounds): SceneEntry[];
  /** Entries whose board box, grown by `tolerance`, contains the point, in paint order (topmost last). */
  queryPoint(point: { x: number; y: number }, tolerance?: number): SceneEntry[];
  /** How many drawable elements there are, up to date. */
  size(): number;
  /** Called (synchronously, at the end of each doc transaction) when something changed. */
  subscribe(listener: () => void): () => void;
  /** Called as entries are brought up to date, with what changed; whoever asked first pays for it. */
  onRefresh(listener: (changes: readonly SceneChange[]) => void): () => void;
  destroy(): void;
}

export interface SceneOptions {
  /** How text is measured for its box: the renderer passes the browser's measure (text-width.ts). */
  textWidth?: TextWidth;
}

export function createScene(doc: Y.Doc, { textWidth = estimateTextWidth }: SceneOptions = {}): Scene {
  const elements = elementsOf(doc);
  const index: SpatialIndex<SceneEntry> = createSpatialIndex();
  // Everything starts dirty: the doc may already hold a board when the scene is made.
  const dirty = new Set<string>(elements.keys());
  const listeners = new Set<() => void>();
  const refreshListeners = new Set<(changes: readonly SceneChange[]) => void>();
  let ordered: SceneEntry[] | null = [];
  /** The entry painted last, while known: a new element on top needs no renumbering. */
  let top: SceneEntry | null = null;

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

  const renumber = () => {
    const all: SceneEntry[] = [];
    index.search(EVERYWHERE).forEach((entry) => all.push(entry));
    all.sort((a, b) => comparePaintOrder(a.element, b.element));
    all.forEach((entry, i) => (entry.order = i));
    top = all[all.length - 1] ?? null;
    ordered = all;
  };

  const refresh = () => {
    const changes: SceneChange[] = [];
    let reorder = false;
    for (const id of dirty) {
      const element = readElement(id, elements.get(id));
      const entry = index.get(id);
      if (element === undefined) {
        if (entry) {
          index.delete(id);
          changes.push({ id, before: entry.board, after: null });
          if (entry === top) top = null;
          ordered = null;
        }
        continue;
      }
      const local = localBounds(element, textWidth);
      const board = boardBounds(element, local);
      if (entry) {
        changes.push({ id, before: entry.board, after: board });
        if (comparePaintOrder(entry.element, element) !== 0) reorder = true;
        // Entries are updated in place: whoever holds one (a tile being drawn) sees the new element.
        // A stroke moved, recoloured or reordered keeps its outline: only new points need a new one.
        if (!sameOutline(entry.element, element)) entry.path = null;
        entry.element = element;
        entry.local = local;
        entry.board = board;
        index.set(id, board, entry);
      } else {
        const added: SceneEntry = { element, local, board, path: null, order: 0 };
        changes.push({ id, before: null, after: board });
        index.set(id, board, added);
        // The usual case, a new element on top of the rest, keeps every other number as it is.
        if (!reorder && top !== null && comparePaintOrder(top.element, element) < 0) {
          added.order = top.order + 1;
          top = added;
          // A fresh array: a caller may still hold the one `entries()` returned before.
          if (ordered !== null) ordered = [...ordered, added];
        } else {
          reorder = true;
        }
      }
    }
    dirty.clear();
    if (reorder) renumber();
    if (changes.length > 0) for (const listener of refreshListeners) listener(changes);
  };

  const upToDate = () => {
    if (dirty.size > 0) refresh();
  };
  const inPaintOrder = (found: SceneEntry[]) => found.sort((a, b) => a.order - b.order);

  return {
    entries() {
      upToDate();
      if (ordered === null) ordered = inPaintOrder(index.search(EVERYWHERE));
      return ordered;
    },
    get(id) {
      upToDate();
      return index.get(id);
    },
    query(rect) {
      upToDate();
      return inPaintOrder(index.search(rect));
    },
    queryPoint(point, tolerance = 0) {
      upToDate();
      return inPaintOrder(index.searchPoint(point.x, point.y, tolerance));
    },
    size() {
      upToDate();
      return index.size;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRefresh(listener) {
      refreshListeners.add(listener);
      return () => refreshListeners.delete(listener);
    },
    destroy() {
      elements.unobserveDeep(onChange);
      listeners.clear();
      refreshListeners.clear();
    },
  };
}

function sameOutline(a: Element, b: Element): boolean {
  if (a.type !== "stroke" || b.type !== "stroke" || a.width !== b.width || a.points.length !== b.points.length) return false;
  for (let i = 0; i < a.points.length; i++) if (a.points[i] !== b.points[i]) return false;
  return true;
}

const EVERYWHERE: Bounds = {
  minX: Number.NEGATIVE_INFINITY,
  minY: Number.NEGATIVE_INFINITY,
  maxX: Number.POSITIVE_INFINITY,
  maxY: Number.POSITIVE_INFINITY,
};

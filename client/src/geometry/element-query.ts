import type { Element } from "@whiteboard/shared";
import type { Box, Point } from "./box";
import type { BoxPick } from "./hit-test";

/**
 * The questions tools ask about where elements are. Selection, the eraser and the text tool
 * ask only through this, so the linear scan behind it today can be swapped for the renderer's
 * spatial index without touching them. Every answer holds only drawable elements: unknown and
 * malformed entries of the doc are never returned.
 */
export interface ElementQuery {
  /** Elements under a board point within `tolerance` board units, topmost first. */
  elementsAt(point: Point, tolerance: number): Element[];
  /** Elements inside (or touching) a board box, in paint order. */
  elementsIn(box: Box, pick: BoxPick): Element[];
  /** The element with this id, when it is there and drawable. */
  get(id: string): Element | undefined;
  /** Every drawable element, in paint order. */
  all(): readonly Element[];
  /** The board box around an element as drawn (rotation and ink width included). */
  boundsOf(element: Element): Box;
  /** Called after each doc transaction that changed elements. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

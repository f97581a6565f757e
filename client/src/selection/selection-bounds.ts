import type { Element } from "@whiteboard/shared";
import { type Box, unionBoxes } from "../geometry/box";
import type { ElementQuery } from "../geometry/element-query";

/** The selected elements still on the board. */
export function selectedElements(query: ElementQuery, ids: readonly string[]): Element[] {
  const elements: Element[] = [];
  for (const id of ids) {
    const element = query.get(id);
    if (element) elements.push(element);
  }
  return elements;
}

/** The box around everything selected, as drawn; null when nothing selected is on the board. */
export function selectionBounds(query: ElementQuery, ids: readonly string[]): Box | null {
  return unionBoxes(selectedElements(query, ids).map((element) => query.boundsOf(element)));
}

/**
 * The box around the selected elements' geometry (points, boxes, text blocks) without their
 * ink's width: what a resize stretches, so an edge that stays put keeps its elements' origins
 * exactly where they were.
 */
export function geometryBounds(query: ElementQuery, elements: readonly Element[]): Box | null {
  return unionBoxes(
    elements.map((element) => {
      const bounds = query.boundsOf(element);
      const pad = element.type === "text" ? 0 : element.width / 2;
      return { minX: bounds.minX + pad, minY: bounds.minY + pad, maxX: bounds.maxX - pad, maxY: bounds.maxY - pad };
    }),
  );
}

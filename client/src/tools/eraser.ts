import { deleteElements } from "@whiteboard/shared";
import type { Edits } from "../editor/edits";
import type { Point } from "../geometry/box";
import type { ElementQuery } from "../geometry/element-query";
import type { Tool } from "./tool";

export interface EraserOptions {
  edits: Edits;
  query: ElementQuery;
  zoom: () => number;
  /** What the drag would erase so far, shown faded until the pointer lifts; empty when done. */
  preview: (ids: readonly string[]) => void;
}

/** The eraser's reach around the pointer, in screen pixels: the same on screen at every zoom. */
export const ERASER_RADIUS_PX = 8;

/**
 * Drag over elements to erase them whole. Everything touched is collected and previewed while
 * the pointer is down, then deleted in one step when it lifts (Esc keeps them), so a sweep over
 * ten strokes is one undo. Between two samples the path is walked in steps of the eraser's
 * radius: a quick flick still erases what it crossed.
 */
export function createEraser({ edits, query, zoom, preview }: EraserOptions): Tool {
  let touched: Set<string> | null = null;
  let last: Point | null = null;

  const touch = (p: Point) => {
    const radius = ERASER_RADIUS_PX / zoom();
    let grew = false;
    for (const element of query.elementsAt(p, radius)) {
      if (!touched!.has(element.id)) {
        touched!.add(element.id);
        grew = true;
      }
    }
    return grew;
  };
  const sweepTo = (p: Point) => {
    if (touched === null || last === null) return;
    const step = ERASER_RADIUS_PX / zoom();
    const distance = Math.hypot(p.x - last.x, p.y - last.y);
    const steps = Math.max(1, Math.ceil(distance / step));
    let grew = false;
    for (let i = 1; i <= steps; i++) {
      grew = touch({ x: last.x + ((p.x - last.x) * i) / steps, y: last.y + ((p.y - last.y) * i) / steps }) || grew;
    }
    last = p;
    if (grew) preview([...touched]);
  };
  const reset = () => {
    touched = null;
    last = null;
    preview([]);
  };

  return {
    down(pointer) {
      touched = new Set();
      last = pointer.point;
      touch(pointer.point);
      preview([...touched]);
    },
    move(pointer) {
      for (const sample of pointer.samples) sweepTo(sample);
    },
    up(pointer) {
      if (touched === null) return;
      sweepTo(pointer.point);
      const ids = [...touched];
      if (ids.length > 0) edits.step(() => deleteElements(edits.doc, ids));
      reset();
    },
    cancel: reset,
  };
}

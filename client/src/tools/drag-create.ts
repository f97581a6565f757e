import { deleteElements } from "@whiteboard/shared";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Edits } from "../editor/edits";
import type { Point } from "../geometry/box";
import { DRAG_THRESHOLD_PX, type Tool, type ToolPointer } from "./tool";

export interface DragCreateOptions {
  edits: Edits;
  frames: FrameLoop;
  zoom: () => number;
  /** Adds the element for a drag from `anchor` to `pointer`; returns its id. Runs inside a transaction. */
  create(anchor: Point, pointer: ToolPointer): string;
  /** Reshapes it as the drag goes on. Runs inside a transaction. */
  update(id: string, anchor: Point, pointer: ToolPointer): void;
}

/**
 * Press, drag, release: the shape tools. Nothing is written until the pointer has moved a few
 * pixels (a click is not a zero-size shape); from then on the element is in the doc, so others
 * watch it grow, reshaped at most once per animation frame, and the whole drag is one undo step.
 */
export function createDragCreateTool({ edits, frames, zoom, create, update }: DragCreateOptions): Tool {
  let anchor: Point | null = null;
  let id: string | null = null;
  let latest: ToolPointer | null = null;

  const flush = () => {
    if (anchor === null || latest === null) return;
    const pointer = latest;
    latest = null;
    const from = anchor;
    if (id === null) {
      const travelled = Math.hypot(pointer.point.x - from.x, pointer.point.y - from.y) * zoom();
      if (travelled < DRAG_THRESHOLD_PX) return;
      id = edits.transact(() => create(from, pointer));
    } else {
      const current = id;
      edits.transact(() => update(current, from, pointer));
    }
  };
  const removeTask = frames.add("input", flush);

  const end = () => {
    anchor = null;
    id = null;
    latest = null;
    edits.separate();
  };

  return {
    down(pointer) {
      edits.separate();
      anchor = pointer.point;
      id = null;
      latest = null;
    },
    move(pointer) {
      if (anchor === null) return;
      latest = pointer;
      frames.request();
    },
    up(pointer) {
      if (anchor === null) return;
      latest = pointer;
      flush();
      end();
    },
    cancel() {
      if (id !== null) {
        const abandoned = id;
        edits.transact(() => deleteElements(edits.doc, [abandoned]));
      }
      end();
    },
    stop() {
      flush();
      removeTask();
    },
  };
}

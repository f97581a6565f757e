import { createBox, setBox } from "@whiteboard/shared";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Edits } from "../editor/edits";
import { dragBox } from "./constrain";
import { createDragCreateTool } from "./drag-create";
import type { Tool, ToolStyle } from "./tool";

export interface ShapeToolOptions {
  type: "rect" | "ellipse";
  edits: Edits;
  frames: FrameLoop;
  zoom: () => number;
  style: () => ToolStyle;
  /** Recorded as the element's `createdBy`. */
  author: () => string;
}

/** Rectangle and ellipse: drag a box; shift for a square or circle, alt to grow from the centre. */
export function createShapeTool({ type, edits, frames, zoom, style, author }: ShapeToolOptions): Tool {
  return createDragCreateTool({
    edits,
    frames,
    zoom,
    create(anchor, pointer) {
      const { color, width, opacity, fill } = style();
      return createBox(edits.doc, {
        type,
        ...dragBox(anchor, pointer.point, pointer.shift, pointer.alt),
        color,
        width,
        opacity,
        ...(fill !== null ? { fill } : {}),
        createdBy: author(),
        zoom: zoom(),
      });
    },
    update(id, anchor, pointer) {
      setBox(edits.doc, id, dragBox(anchor, pointer.point, pointer.shift, pointer.alt), zoom());
    },
  });
}

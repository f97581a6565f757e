import { createPolyline, setPolylinePoints } from "@whiteboard/shared";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Edits } from "../editor/edits";
import type { Point } from "../geometry/box";
import { snapAngle } from "./constrain";
import { createDragCreateTool } from "./drag-create";
import type { Tool, ToolPointer, ToolStyle } from "./tool";

export interface LineToolOptions {
  type: "line" | "arrow";
  edits: Edits;
  frames: FrameLoop;
  zoom: () => number;
  style: () => ToolStyle;
  author: () => string;
}

/** Line and arrow: drag from start to end (the arrow's head); shift snaps to 45 degrees. */
export function createLineTool({ type, edits, frames, zoom, style, author }: LineToolOptions): Tool {
  const ends = (anchor: Point, pointer: ToolPointer): Point[] => [anchor, pointer.shift ? snapAngle(anchor, pointer.point) : pointer.point];
  return createDragCreateTool({
    edits,
    frames,
    zoom,
    create(anchor, pointer) {
      const { color, width, opacity } = style();
      return createPolyline(edits.doc, { type, points: ends(anchor, pointer), color, width, opacity, createdBy: author(), zoom: zoom() });
    },
    update(id, anchor, pointer) {
      setPolylinePoints(edits.doc, id, ends(anchor, pointer), zoom());
    },
  });
}

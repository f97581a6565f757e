import { TEXT_LINE_HEIGHT, createText } from "@whiteboard/shared";
import type { Edits } from "../editor/edits";
import type { Point } from "../geometry/box";
import type { ElementQuery } from "../geometry/element-query";
import type { Tool, ToolStyle } from "./tool";

export interface TextToolOptions {
  edits: Edits;
  query: ElementQuery;
  style: () => ToolStyle;
  author: () => string;
  zoom: () => number;
  /** Opens the in-place editor on a text element. */
  edit: (id: string) => void;
}

export interface TextTool extends Tool {
  /** Starts a new, empty text with the tool's style at a board point and opens it for typing. */
  addAt(point: Point): string;
}

/**
 * Click on the board to start typing there; click on existing text to edit it. The element is
 * written at once, empty, so a second person can type into it too; the editor removes it if it
 * is still empty when typing ends. Its creation and the typing are one undo step (the editor
 * closes the step when it closes).
 */
export function createTextTool({ edits, query, style, author, zoom, edit }: TextToolOptions): TextTool {
  const addAt = (point: Point): string => {
    const { color, opacity, fontSize } = style();
    edits.separate();
    // The click marks the middle of the first line, where a caret would be expected to blink.
    const at = { x: point.x, y: point.y - (fontSize * TEXT_LINE_HEIGHT) / 2 };
    const id = edits.transact(() =>
      createText(edits.doc, { ...at, text: "", fontSize, color, opacity, createdBy: author(), zoom: zoom() }),
    );
    edit(id);
    return id;
  };

  return {
    addAt,
    down(pointer) {
      const existing = query.elementsAt(pointer.point, 2 / zoom()).find((element) => element.type === "text");
      if (existing) edit(existing.id);
      else addAt(pointer.point);
    },
    move() {},
    up() {},
    cancel() {},
  };
}

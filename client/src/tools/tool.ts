import type { PenPoint } from "@whiteboard/shared";
import type { Point } from "../geometry/box";

/** The tools of the toolbar. Panning is also always on space-drag, the middle button and two fingers. */
export type ToolName = "select" | "hand" | "pen" | "rect" | "ellipse" | "line" | "arrow" | "text" | "eraser" | "laser";

export const TOOL_NAMES: readonly ToolName[] = ["select", "hand", "pen", "rect", "ellipse", "line", "arrow", "text", "eraser", "laser"];

/** Tools that draw, each with a style of its own that sticks between uses. */
export type StyledTool = "pen" | "rect" | "ellipse" | "line" | "arrow" | "text";

export function isStyledTool(tool: ToolName): tool is StyledTool {
  return tool === "pen" || tool === "rect" || tool === "ellipse" || tool === "line" || tool === "arrow" || tool === "text";
}

/** A drawing tool's style, as the style panel sets it. */
export interface ToolStyle {
  color: string;
  width: number;
  /** 0..1 */
  opacity: number;
  /** Rectangles and ellipses only; null is no fill. */
  fill: string | null;
  /** Text only. */
  fontSize: number;
}

/** The pen's ink. */
export type Ink = Pick<ToolStyle, "color" | "width" | "opacity">;

/** One pointer event, as a tool sees it. */
export interface ToolPointer {
  /** Board coordinates. */
  point: Point;
  /** CSS pixels from the canvas's top-left (the hand moves the view by these). */
  screen: Point;
  /** 0..1; a mouse reads 0.5. */
  pressure: number;
  shift: boolean;
  alt: boolean;
  /** Every sample since the previous event, this one last (browsers coalesce moves into frames). */
  samples: readonly PenPoint[];
}

/**
 * A tool is a small state machine fed one pointer at a time. It writes to the doc itself and
 * knows nothing of DOM events, so a test drives it with a sequence of pointers and reads the
 * doc after.
 */
export interface Tool {
  down(pointer: ToolPointer): void;
  move(pointer: ToolPointer): void;
  up(pointer: ToolPointer): void;
  /** Esc, a second finger landing, the tool switched: drop what is in flight. */
  cancel(): void;
  /** The pointer moved with no button down. */
  hover?(pointer: ToolPointer): void;
  /** Stops for good (the page is going); may flush. */
  stop?(): void;
}

/** Screen pixels a press must travel before it counts as a drag rather than a click. */
export const DRAG_THRESHOLD_PX = 3;

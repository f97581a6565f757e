import type { OrderMove } from "@whiteboard/shared";
import type { ToolName } from "../tools/tool";

export type ZoomCommand = "in" | "out" | "reset" | "fit" | "fit-selection";

/** What a key press asks the editor to do. */
export type Command =
  | { kind: "tool"; tool: ToolName }
  | { kind: "escape" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "delete" }
  | { kind: "duplicate" }
  | { kind: "select-all" }
  | { kind: "nudge"; dx: number; dy: number }
  | { kind: "order"; move: OrderMove }
  | { kind: "zoom"; zoom: ZoomCommand }
  | { kind: "help" };

export type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** Single letters, as in Excalidraw and tldraw. */
export const TOOL_KEYS: Record<string, ToolName> = {
  v: "select",
  h: "hand",
  p: "pen",
  r: "rect",
  o: "ellipse",
  l: "line",
  a: "arrow",
  t: "text",
  e: "eraser",
  k: "laser",
};

/** Arrow keys move the selection one board unit; with shift, this many. */
export const BIG_NUDGE = 10;

/**
 * The editor's keyboard map. Ctrl and Cmd are the same key here (Cmd on a Mac, Ctrl
 * elsewhere). Copy, cut and paste are not here: they arrive as the browser's clipboard events,
 * which carry the clipboard's contents and work without a permission prompt.
 */
export function commandOf(event: KeyPress): Command | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === "z") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (key === "y") return { kind: "redo" };
    if (key === "d") return { kind: "duplicate" };
    if (key === "a") return { kind: "select-all" };
    if (event.code === "BracketRight") return { kind: "order", move: event.shiftKey ? "front" : "forward" };
    if (event.code === "BracketLeft") return { kind: "order", move: event.shiftKey ? "back" : "backward" };
    return undefined;
  }
  if (event.altKey) return undefined;

  switch (event.key) {
    case "Escape":
      return { kind: "escape" };
    case "Delete":
    case "Backspace":
      return { kind: "delete" };
    case "ArrowLeft":
    case "ArrowRight":
    case "ArrowUp":
    case "ArrowDown":
      return nudge(event.key, event.shiftKey ? BIG_NUDGE : 1);
    case "?":
      return { kind: "help" };
    case "+":
    case "=":
      return { kind: "zoom", zoom: "in" };
    case "-":
    case "_":
      return { kind: "zoom", zoom: "out" };
    default:
      break;
  }
  // By code: shift+1 is "!" on one layout and something else on the next.
  if (event.shiftKey && event.code === "Digit1") return { kind: "zoom", zoom: "fit" };
  if (event.shiftKey && event.code === "Digit2") return { kind: "zoom", zoom: "fit-selection" };
  if (event.code === "Digit0") return { kind: "zoom", zoom: "reset" };
  if (event.code === "BracketRight") return { kind: "order", move: event.shiftKey ? "front" : "forward" };
  if (event.code === "BracketLeft") return { kind: "order", move: event.shiftKey ? "back" : "backward" };
  const tool = TOOL_KEYS[key];
  return tool ? { kind: "tool", tool } : undefined;
}

function nudge(key: string, step: number): Command {
  switch (key) {
    case "ArrowLeft":
      return { kind: "nudge", dx: -step, dy: 0 };
    case "ArrowRight":
      return { kind: "nudge", dx: step, dy: 0 };
    case "ArrowUp":
      return { kind: "nudge", dx: 0, dy: -step };
    default:
      return { kind: "nudge", dx: 0, dy: step };
  }
}

/** The help panel's list: every shortcut above, in words. */
export const SHORTCUT_HELP: { group: string; items: { keys: string[]; label: string }[] }[] = [
  {
    group: "Tools",
    items: [
      { keys: ["V"], label: "Select" },
      { keys: ["H"], label: "Hand (or hold Space, or drag with the middle button)" },
      { keys: ["P"], label: "Pen" },
      { keys: ["R"], label: "Rectangle" },
      { keys: ["O"], label: "Ellipse" },
      { keys: ["L"], label: "Line" },
      { keys: ["A"], label: "Arrow" },
      { keys: ["T"], label: "Text (double-click text to edit it)" },
      { keys: ["E"], label: "Eraser" },
      { keys: ["K"], label: "Laser pointer" },
      { keys: ["Esc"], label: "Back to select; clear the selection" },
      { keys: ["Shift", "drag"], label: "Square, circle, 45° line; move along one axis; keep proportions; turn in 15° steps" },
      { keys: ["Alt", "drag"], label: "Draw a rectangle or ellipse from its centre" },
    ],
  },
  {
    group: "Editing",
    items: [
      { keys: ["Ctrl/⌘", "Z"], label: "Undo your last change" },
      { keys: ["Ctrl/⌘", "Shift", "Z"], label: "Redo" },
      { keys: ["Ctrl/⌘", "Y"], label: "Redo" },
      { keys: ["Shift", "click"], label: "Add to or remove from the selection" },
      { keys: ["Ctrl/⌘", "A"], label: "Select all" },
      { keys: ["Delete"], label: "Delete the selection (or Backspace)" },
      { keys: ["Ctrl/⌘", "D"], label: "Duplicate" },
      { keys: ["Ctrl/⌘", "C"], label: "Copy (paste into any board)" },
      { keys: ["Ctrl/⌘", "X"], label: "Cut" },
      { keys: ["Ctrl/⌘", "V"], label: "Paste" },
      { keys: ["←", "↑", "→", "↓"], label: "Move the selection by 1 (with Shift, by 10)" },
      { keys: ["]"], label: "Bring forward (Shift: to front)" },
      { keys: ["["], label: "Send backward (Shift: to back)" },
    ],
  },
  {
    group: "View",
    items: [
      { keys: ["Ctrl", "wheel"], label: "Zoom (or pinch)" },
      { keys: ["+"], label: "Zoom in" },
      { keys: ["−"], label: "Zoom out" },
      { keys: ["Shift", "1"], label: "Zoom to fit everything" },
      { keys: ["Shift", "2"], label: "Zoom to the selection" },
      { keys: ["Shift", "0"], label: "Zoom to 100%" },
      { keys: ["wheel"], label: "Pan (Shift: sideways)" },
      { keys: ["?"], label: "This help" },
    ],
  },
];

import type { Box, Point } from "../geometry/box";

/** A resize handle, named by compass point: corners scale both ways, sides one. */
export type HandleName = "nw" | "n" | "ne" | "e" | "se" | "s" | "sw" | "w";

const HANDLES: readonly HandleName[] = ["nw", "n", "ne", "e", "se", "s", "sw", "w"];

/** Screen pixels between the selection's outline and what it holds, and the handles' size. */
export const SELECTION_PADDING_PX = 6;
export const HANDLE_SIZE_PX = 9;
/** Below this many screen pixels a side's handles would sit on top of each other: only corners then. */
const MIN_SIDE_FOR_MID_HANDLES_PX = 40;

/** The outline drawn around a selection: its bounds with a few screen pixels of air. */
export function outlineBox(bounds: Box, zoom: number): Box {
  const pad = SELECTION_PADDING_PX / zoom;
  return { minX: bounds.minX - pad, minY: bounds.minY - pad, maxX: bounds.maxX + pad, maxY: bounds.maxY + pad };
}

/** Where each handle sits on the outline, in board coordinates. */
export function handlePoints(outline: Box, zoom: number): { name: HandleName; point: Point }[] {
  const midX = (outline.minX + outline.maxX) / 2;
  const midY = (outline.minY + outline.maxY) / 2;
  const at: Record<HandleName, Point> = {
    nw: { x: outline.minX, y: outline.minY },
    n: { x: midX, y: outline.minY },
    ne: { x: outline.maxX, y: outline.minY },
    e: { x: outline.maxX, y: midY },
    se: { x: outline.maxX, y: outline.maxY },
    s: { x: midX, y: outline.maxY },
    sw: { x: outline.minX, y: outline.maxY },
    w: { x: outline.minX, y: midY },
  };
  const wide = (outline.maxX - outline.minX) * zoom >= MIN_SIDE_FOR_MID_HANDLES_PX;
  const tall = (outline.maxY - outline.minY) * zoom >= MIN_SIDE_FOR_MID_HANDLES_PX;
  return HANDLES.filter((name) => name.length === 2 || ((name === "n" || name === "s") ? wide : tall)).map((name) => ({
    name,
    point: at[name],
  }));
}

/**
 * The handle under a board point, if any: a little more generous than drawn, for shaky hands,
 * but not so much that a press on the element's own edge (6 px inside) grabs a handle.
 */
export function handleAt(outline: Box, zoom: number, p: Point): HandleName | undefined {
  const reach = (HANDLE_SIZE_PX / 2 + 1.5) / zoom;
  for (const { name, point } of handlePoints(outline, zoom)) {
    if (Math.abs(p.x - point.x) <= reach && Math.abs(p.y - point.y) <= reach) return name;
  }
  return undefined;
}

/** Screen pixels from the outline's top edge up to the rotation handle: clear of the resize handles. */
export const ROTATION_HANDLE_GAP_PX = 22;

/** Where the rotation handle sits: above the middle of the outline's top edge. */
export function rotationHandlePoint(outline: Box, zoom: number): Point {
  return { x: (outline.minX + outline.maxX) / 2, y: outline.minY - ROTATION_HANDLE_GAP_PX / zoom };
}

/** Whether a board point grabs the rotation handle (as generous as a resize handle). */
export function onRotationHandle(outline: Box, zoom: number, p: Point): boolean {
  const reach = (HANDLE_SIZE_PX / 2 + 1.5) / zoom;
  const at = rotationHandlePoint(outline, zoom);
  return Math.abs(p.x - at.x) <= reach && Math.abs(p.y - at.y) <= reach;
}

/** The CSS cursor for a handle. */
export function handleCursor(name: HandleName): string {
  switch (name) {
    case "n":
    case "s":
      return "ns-resize";
    case "e":
    case "w":
      return "ew-resize";
    case "nw":
    case "se":
      return "nwse-resize";
    case "ne":
    case "sw":
      return "nesw-resize";
    default: {
      const unhandled: never = name;
      return unhandled;
    }
  }
}

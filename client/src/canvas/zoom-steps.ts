import { type Point, type Viewport, zoomAt } from "../canvas/viewport";

/** One press of + or − (key or button): four presses double or halve the zoom. */
const STEP_FACTOR = 2 ** 0.25;

/**
 * What a key does to the zoom in the viewer, with no modifier held: ctrl/cmd with +/− stays the
 * browser's page zoom. (The editor reads its keys with its other shortcuts, editor/shortcuts.ts.)
 */
export type ZoomKey = "in" | "out" | "reset";

export function zoomKeyOf(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): ZoomKey | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case "+":
    case "=":
      return "in";
    case "-":
    case "_":
      return "out";
    case "0":
      return "reset";
    default:
      return undefined;
  }
}

/** Zooms one step, or back to 100%, keeping the board point at `centre` where it is. */
export function zoomBy(viewport: Viewport, key: ZoomKey, centre: Point): Viewport {
  switch (key) {
    case "in":
      return zoomAt(viewport, centre, STEP_FACTOR);
    case "out":
      return zoomAt(viewport, centre, 1 / STEP_FACTOR);
    case "reset":
      return zoomAt(viewport, centre, 1 / viewport.zoom);
    default: {
      const unhandled: never = key;
      return unhandled;
    }
  }
}

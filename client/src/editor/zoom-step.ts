import { type Point, type Viewport, zoomAt } from "../canvas/viewport";

/** One press of + or − (key or button): four presses double or halve the zoom, as in the viewer. */
const STEP_FACTOR = 2 ** 0.25;

export function zoomStep(viewport: Viewport, direction: "in" | "out", centre: Point): Viewport {
  return zoomAt(viewport, centre, direction === "in" ? STEP_FACTOR : 1 / STEP_FACTOR);
}

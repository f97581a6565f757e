import type { ViewportStore } from "../canvas/viewport-store";
import type { Point } from "../canvas/viewport";
import { createHand } from "../tools/hand";
import { wheelViewport } from "../tools/wheel";
import { zoomBy, zoomKeyOf } from "../canvas/zoom-steps";

const PRIMARY_BUTTON = 0;
const MIDDLE_BUTTON = 1;

/**
 * Navigation only, since a viewer cannot draw: any primary or middle drag pans, the wheel pans
 * and ctrl+wheel (a trackpad pinch) zooms, exactly as on the editor page, and the +, − and 0
 * keys zoom about the middle of the view. Returns the detach.
 */
export function attachViewerInput({ canvas, viewport }: { canvas: HTMLCanvasElement; viewport: ViewportStore }): () => void {
  const hand = createHand(viewport);
  let dragging: number | null = null;

  const screenPoint = (event: MouseEvent): Point => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const setMode = () => {
    canvas.dataset.mode = dragging === null ? "pan" : "panning";
  };

  const onPointerDown = (event: PointerEvent) => {
    if (dragging !== null || (event.button !== PRIMARY_BUTTON && event.button !== MIDDLE_BUTTON)) return;
    // The middle button would otherwise start the browser's autoscroll.
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    dragging = event.pointerId;
    hand.start(screenPoint(event));
    setMode();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerId === dragging) hand.drag(screenPoint(event));
  };
  const onPointerEnd = (event: PointerEvent) => {
    if (event.pointerId !== dragging) return;
    hand.finish();
    dragging = null;
    setMode();
  };
  const onWheel = (event: WheelEvent) => {
    // Not passive: the page itself must neither scroll nor zoom.
    event.preventDefault();
    viewport.setState(wheelViewport(viewport.getState(), event, screenPoint(event)), true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const key = zoomKeyOf(event);
    if (key === undefined || event.defaultPrevented) return;
    event.preventDefault();
    const centre = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
    viewport.setState(zoomBy(viewport.getState(), key, centre), true);
  };

  canvas.addEventListener("pointerdown", onPointerDown);
  canvas.addEventListener("pointermove", onPointerMove);
  canvas.addEventListener("pointerup", onPointerEnd);
  canvas.addEventListener("pointercancel", onPointerEnd);
  canvas.addEventListener("wheel", onWheel, { passive: false });
  window.addEventListener("keydown", onKeyDown);
  setMode();

  return () => {
    canvas.removeEventListener("pointerdown", onPointerDown);
    canvas.removeEventListener("pointermove", onPointerMove);
    canvas.removeEventListener("pointerup", onPointerEnd);
    canvas.removeEventListener("pointercancel", onPointerEnd);
    canvas.removeEventListener("wheel", onWheel);
    window.removeEventListener("keydown", onKeyDown);
    hand.finish();
  };
}

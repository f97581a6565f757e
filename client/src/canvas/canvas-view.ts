import { intersects, visibleBounds } from "./bounds";
import { drawElement } from "./draw-element";
import type { FrameLoop } from "./frame-loop";
import { drawPaper } from "./paper";
import type { Scene } from "./scene";
import type { ViewportStore } from "./viewport-store";

export interface CanvasViewOptions {
  canvas: HTMLCanvasElement;
  scene: Scene;
  viewport: ViewportStore;
  frames: FrameLoop;
  /** The display's device pixels per CSS pixel, read at every draw (it changes across monitors). */
  pixelRatio: () => number;
}

/**
 * Keeps a canvas showing the scene through the viewport. Drawing is dirty-driven: nothing is
 * drawn until the doc, the viewport or the canvas size changes, and then once in the next frame
 * however many changes arrived.
 */
export function createCanvasView({ canvas, scene, viewport, frames, pixelRatio }: CanvasViewOptions): () => void {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("the browser gave no 2D canvas context");
  let dirty = true;

  const invalidate = () => {
    dirty = true;
    frames.request();
  };

  const draw = () => {
    if (!dirty) return;
    dirty = false;
    const ratio = pixelRatio();
    const cssWidth = canvas.clientWidth;
    const cssHeight = canvas.clientHeight;
    const deviceWidth = Math.max(1, Math.round(cssWidth * ratio));
    const deviceHeight = Math.max(1, Math.round(cssHeight * ratio));
    // Setting a canvas's size clears it, even to the same value: only when it really changed.
    if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
    if (canvas.height !== deviceHeight) canvas.height = deviceHeight;

    const view = viewport.getState();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawPaper(ctx, view, cssWidth, cssHeight);
    ctx.setTransform(ratio * view.zoom, 0, 0, ratio * view.zoom, -view.x * view.zoom * ratio, -view.y * view.zoom * ratio);
    const visible = visibleBounds(view, cssWidth, cssHeight);
    for (const entry of scene.entries()) {
      if (intersects(entry.board, visible)) drawElement(ctx, entry);
    }
  };

  const removeTask = frames.add("draw", draw);
  const unsubscribeScene = scene.subscribe(invalidate);
  const unsubscribeViewport = viewport.subscribe(invalidate);
  const resize = new ResizeObserver(invalidate);
  resize.observe(canvas);
  invalidate();

  return () => {
    removeTask();
    unsubscribeScene();
    unsubscribeViewport();
    resize.disconnect();
  };
}

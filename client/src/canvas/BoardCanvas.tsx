import { type RefObject, useEffect } from "react";
import type * as Y from "yjs";
import { createCanvasView } from "./canvas-view";
import { applyStoredScheme, currentScheme, watchScheme } from "./color-scheme";
import type { FrameLoop } from "./frame-loop";
import { type Scene, createScene } from "./scene";
import { browserTextWidth } from "./text-width";
import type { ViewportStore } from "./viewport-store";

export interface BoardCanvasProps {
  doc: Y.Doc;
  viewport: ViewportStore;
  frames: FrameLoop;
  /** The page attaches its own input (tools, navigation) to the canvas through this. */
  canvasRef: RefObject<HTMLCanvasElement | null>;
  testId?: string;
  label: string;
  /**
   * The scene to draw, when the page keeps one for itself (hit testing, the eraser: see
   * `useScene`); it must be a scene of `doc`. Without it the canvas makes and keeps its own.
   */
  scene?: Scene;
}

/** A full-size canvas that draws a board's doc, in the page's colour scheme; shared by the editor and the viewer. */
export function BoardCanvas({ doc, viewport, frames, canvasRef, testId, label, scene: givenScene }: BoardCanvasProps) {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = givenScene ?? createScene(doc, { textWidth: browserTextWidth() });
    applyStoredScheme(window);
    const view = createCanvasView({
      canvas,
      scene,
      viewport,
      frames,
      pixelRatio: () => window.devicePixelRatio || 1,
      scheme: currentScheme(window),
    });
    const stopWatching = watchScheme(window, (scheme) => view.setScheme(scheme));
    return () => {
      stopWatching();
      view.destroy();
      if (!givenScene) scene.destroy();
    };
  }, [doc, viewport, frames, canvasRef, givenScene]);

  return <canvas ref={canvasRef} className="board-canvas" data-testid={testId} aria-label={label} role="img" />;
}

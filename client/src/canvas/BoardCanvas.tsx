import { type RefObject, useEffect } from "react";
import type * as Y from "yjs";
import { createCanvasView } from "./canvas-view";
import type { FrameLoop } from "./frame-loop";
import { createScene } from "./scene";
import type { ViewportStore } from "./viewport-store";

export interface BoardCanvasProps {
  doc: Y.Doc;
  viewport: ViewportStore;
  frames: FrameLoop;
  /** The page attaches its own input (tools, navigation) to the canvas through this. */
  canvasRef: RefObject<HTMLCanvasElement | null>;
  testId?: string;
  label: string;
}

/** A full-size canvas that draws a board's doc; shared by the editor and the viewer. */
export function BoardCanvas({ doc, viewport, frames, canvasRef, testId, label }: BoardCanvasProps) {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = createScene(doc);
    const destroyView = createCanvasView({ canvas, scene, viewport, frames, pixelRatio: () => window.devicePixelRatio || 1 });
    return () => {
      destroyView();
      scene.destroy();
    };
  }, [doc, viewport, frames, canvasRef]);

  return <canvas ref={canvasRef} className="board-canvas" data-testid={testId} aria-label={label} role="img" />;
}

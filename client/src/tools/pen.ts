import { type PenPoint, appendStrokePoints, createStroke } from "@whiteboard/shared";
import type * as Y from "yjs";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Ink } from "./tool";

export interface PenOptions {
  doc: Y.Doc;
  frames: FrameLoop;
  ink: () => Ink;
  /** Recorded as the stroke's `createdBy`. */
  author: () => string;
}

export interface Pen {
  /** Starts a stroke at the first sample; `zoom` is the view's, and decides how finely points are kept. */
  start(first: PenPoint, zoom: number): void;
  /** Samples since the last call, oldest first. */
  extend(samples: readonly PenPoint[]): void;
  /** Ends the stroke, sending what is still buffered at once. */
  finish(): void;
  stop(): void;
}

/**
 * Freehand drawing into the doc. The stroke exists from the first sample, so others see it
 * start; samples are buffered and appended in one transaction per animation frame, so others
 * see it grow without one network message per pointer event.
 */
export function createPen({ doc, frames, ink, author }: PenOptions): Pen {
  let stroke: { id: string; zoom: number } | null = null;
  let buffered: PenPoint[] = [];

  const flush = () => {
    if (stroke === null || buffered.length === 0) return;
    appendStrokePoints(doc, stroke.id, buffered, stroke.zoom);
    buffered = [];
  };
  const removeTask = frames.add("input", flush);

  return {
    start(first, zoom) {
      const { color, width } = ink();
      stroke = { id: createStroke(doc, { first, color, width, createdBy: author(), zoom }), zoom };
      buffered = [];
    },
    extend(samples) {
      if (stroke === null) return;
      buffered.push(...samples);
      frames.request();
    },
    finish() {
      flush();
      stroke = null;
    },
    stop() {
      flush();
      stroke = null;
      removeTask();
    },
  };
}

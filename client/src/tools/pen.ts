import { type PenPoint, appendStrokePoints, createStroke, deleteElements, setElementStyle } from "@whiteboard/shared";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Edits } from "../editor/edits";
import type { Ink, Tool } from "./tool";

export interface PenOptions {
  edits: Edits;
  frames: FrameLoop;
  ink: () => Ink;
  /** Recorded as the stroke's `createdBy`. */
  author: () => string;
  /** The view's zoom: it decides how finely points are kept. */
  zoom: () => number;
}

/**
 * Freehand drawing into the doc. The stroke exists from the first sample, so others see it
 * start; samples are buffered and appended in one transaction per animation frame, so others
 * see it grow without one network message per pointer event. The stroke is one undo step.
 */
export function createPen({ edits, frames, ink, author, zoom }: PenOptions): Tool {
  let stroke: { id: string; zoom: number } | null = null;
  let buffered: PenPoint[] = [];

  const flush = () => {
    if (stroke === null || buffered.length === 0) return;
    const { id, zoom: drawnAt } = stroke;
    const samples = buffered;
    buffered = [];
    edits.transact(() => appendStrokePoints(edits.doc, id, samples, drawnAt));
  };
  const removeTask = frames.add("input", flush);
  const finish = () => {
    flush();
    stroke = null;
    edits.separate();
  };

  return {
    down(pointer) {
      const { color, width, opacity } = ink();
      const first = pointer.samples.at(-1) ?? { ...pointer.point, pressure: pointer.pressure };
      const drawnAt = zoom();
      edits.separate();
      const id = edits.transact(() => {
        const created = createStroke(edits.doc, { first, color, width, createdBy: author(), zoom: drawnAt });
        // `createStroke` writes SPEC's required fields; opacity is optional, written only below 1.
        if (opacity < 1) setElementStyle(edits.doc, created, { opacity });
        return created;
      });
      stroke = { id, zoom: drawnAt };
      buffered = [];
    },
    move(pointer) {
      if (stroke === null) return;
      buffered.push(...pointer.samples);
      frames.request();
    },
    up(pointer) {
      if (stroke === null) return;
      buffered.push(...pointer.samples);
      finish();
    },
    cancel() {
      if (stroke !== null) {
        const { id } = stroke;
        buffered = [];
        edits.transact(() => deleteElements(edits.doc, [id]));
      }
      stroke = null;
      edits.separate();
    },
    stop() {
      finish();
      removeTask();
    },
  };
}

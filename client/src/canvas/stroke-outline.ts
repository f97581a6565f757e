import { STROKE_POINT_SIZE } from "@whiteboard/shared";
import { type StrokeOptions, getStroke } from "perfect-freehand";

/**
 * How every client turns a stroke's points into ink. It must be a pure function of what is in
 * the doc, so everyone sees the same shape: no velocity-simulated pressure (a mouse stroke
 * stores pressure 0.5 everywhere and comes out at exactly `width`), no dependence on who drew it.
 */
const STROKE_OPTIONS: StrokeOptions = {
  thinning: 0.5,
  smoothing: 0.5,
  streamline: 0.4,
  simulatePressure: false,
  last: true,
};

/** The part of `Path2D` (and of a 2D context) that tracing needs; tests pass a recorder. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
}

/** The outline polygon of a stroke, in the stroke's own coordinates. */
export function strokeOutline(points: readonly number[], width: number): [number, number][] {
  const samples: [number, number, number][] = [];
  for (let i = 0; i + STROKE_POINT_SIZE - 1 < points.length; i += STROKE_POINT_SIZE) {
    samples.push([points[i]!, points[i + 1]!, points[i + 2]!]);
  }
  if (samples.length === 0) return [];
  return getStroke(samples, { ...STROKE_OPTIONS, size: width }) as [number, number][];
}

/**
 * Traces a closed outline with quadratic curves through the midpoints of its edges: the polygon
 * perfect-freehand returns is dense but faceted, and this rounds it off at no extra cost.
 */
export function traceOutline(sink: PathSink, outline: readonly (readonly [number, number])[]): void {
  const n = outline.length;
  if (n < 3) return;
  const first = outline[0]!;
  const last = outline[n - 1]!;
  sink.moveTo((last[0] + first[0]) / 2, (last[1] + first[1]) / 2);
  for (let i = 0; i < n; i++) {
    const p = outline[i]!;
    const next = outline[(i + 1) % n]!;
    sink.quadraticCurveTo(p[0], p[1], (p[0] + next[0]) / 2, (p[1] + next[1]) / 2);
  }
  sink.closePath();
}

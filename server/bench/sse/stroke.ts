/**
 * A finished stroke as the editor writes it (SPEC's document model): one Y.Map under
 * `elements`, its points a Y.Array of flat integer [x, y, pressure] triples relative to x, y,
 * rounded as DESIGN says a client rounds them, so an update is the size a real one is. Written
 * directly rather than with shared's createStroke, whose `nextZ` scans every element: seeding
 * thousands of strokes in one doc with it would be quadratic.
 */
import * as Y from "yjs";

/** A short flick of the pen: 24 samples, about 0.2 s of drawing at 120 Hz. */
const POINTS = 24;
/** Pressure in 1/64 steps (DESIGN): exact in float32, so Yjs stores each in 5 bytes, not 9. */
const PRESSURE_STEPS = 64;

export interface StrokeSpec {
  key: string;
  createdBy: string;
  color: string;
  z: number;
  /** Where it starts, in board coordinates. */
  x: number;
  y: number;
  /** Flat [x, y, pressure] relative to x, y, already rounded; a short flick when absent. */
  points?: number[];
  width?: number;
}

/** A short straight-ish flick in a random direction. */
function flick(): number[] {
  const points: number[] = [];
  const heading = Math.random() * Math.PI * 2;
  for (let i = 0; i < POINTS; i++) {
    const wobble = Math.sin(i / 3) * 6;
    points.push(
      Math.round(Math.cos(heading) * i * 8 - Math.sin(heading) * wobble),
      Math.round(Math.sin(heading) * i * 8 + Math.cos(heading) * wobble),
      Math.round(PRESSURE_STEPS * (0.4 + 0.3 * Math.sin(i / 5))) / PRESSURE_STEPS,
    );
  }
  return points;
}

export function addStroke(doc: Y.Doc, spec: StrokeSpec): void {
  const points = spec.points ?? flick();
  doc.transact(() => {
    const element = new Y.Map<unknown>();
    doc.getMap("elements").set(spec.key, element);
    element.set("type", "stroke");
    element.set("x", spec.x);
    element.set("y", spec.y);
    element.set("color", spec.color);
    element.set("width", spec.width ?? 4);
    element.set("z", spec.z);
    element.set("createdBy", spec.createdBy);
    const array = new Y.Array<number>();
    array.push(points);
    element.set("points", array);
  });
}

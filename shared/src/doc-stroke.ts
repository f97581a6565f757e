import * as Y from "yjs";
import { quantiseCoordinate, quantiseOrigin, quantisePressure } from "./doc-quantise.js";
import { STROKE_POINT_SIZE, elementsOf } from "./element.js";
import { newElementId } from "./element-id.js";
import { nextZ } from "./doc-order.js";

/** A pen sample in board coordinates, pressure 0..1. */
export interface PenPoint {
  x: number;
  y: number;
  pressure: number;
}

export interface NewStroke {
  /** The first sample: its rounded position becomes the stroke's origin. */
  first: PenPoint;
  color: string;
  width: number;
  createdBy: string;
  /** The zoom the stroke is drawn at: it decides how finely points are rounded. */
  zoom: number;
  /** Chosen by the caller only in tests; a fresh random id otherwise. */
  id?: string;
}

/**
 * Adds a stroke holding its first point, on top of everything else, in one transaction, and
 * returns its id. The rest of the points follow with `appendStrokePoints` while it is drawn.
 */
export function createStroke(doc: Y.Doc, stroke: NewStroke): string {
  const id = stroke.id ?? newElementId();
  const x = quantiseOrigin(stroke.first.x);
  const y = quantiseOrigin(stroke.first.y);
  doc.transact(() => {
    const points = new Y.Array<number>();
    points.push([
      quantiseCoordinate(stroke.first.x - x, stroke.zoom),
      quantiseCoordinate(stroke.first.y - y, stroke.zoom),
      quantisePressure(stroke.first.pressure),
    ]);
    const element = new Y.Map<unknown>();
    element.set("type", "stroke");
    element.set("x", x);
    element.set("y", y);
    element.set("color", stroke.color);
    element.set("width", stroke.width);
    element.set("z", nextZ(doc));
    element.set("createdBy", stroke.createdBy);
    element.set("points", points);
    elementsOf(doc).set(id, element);
  });
  return id;
}

/**
 * Appends pen samples to a stroke in one transaction (so one update goes out per call: the pen
 * calls this once per animation frame). Samples are made relative to the stroke's origin and
 * rounded; one that rounds onto the previous point adds nothing but bytes and is skipped.
 * Returns how many points were added: 0 when the stroke is gone (deleted by someone else
 * mid-draw) or is not a stroke this client can extend.
 */
export function appendStrokePoints(doc: Y.Doc, id: string, samples: readonly PenPoint[], zoom: number): number {
  const element = elementsOf(doc).get(id);
  if (!(element instanceof Y.Map)) return 0;
  const map = element as Y.Map<unknown>;
  const points = map.get("points");
  const x = map.get("x");
  const y = map.get("y");
  if (map.get("type") !== "stroke" || !(points instanceof Y.Array) || typeof x !== "number" || typeof y !== "number") {
    return 0;
  }

  let lastX: unknown = undefined;
  let lastY: unknown = undefined;
  if (points.length >= STROKE_POINT_SIZE) {
    lastX = points.get(points.length - STROKE_POINT_SIZE);
    lastY = points.get(points.length - STROKE_POINT_SIZE + 1);
  }
  const flat: number[] = [];
  for (const sample of samples) {
    const px = quantiseCoordinate(sample.x - x, zoom);
    const py = quantiseCoordinate(sample.y - y, zoom);
    if (px === lastX && py === lastY) continue;
    flat.push(px, py, quantisePressure(sample.pressure));
    lastX = px;
    lastY = py;
  }
  if (flat.length === 0) return 0;
  doc.transact(() => points.push(flat));
  return flat.length / STROKE_POINT_SIZE;
}

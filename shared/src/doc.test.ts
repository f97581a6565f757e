import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendStrokePoints,
  createStroke,
  elementsOf,
  newElementId,
  nextZ,
  quantiseCoordinate,
  quantisePressure,
  readElement,
  readElements,
} from "./doc.js";

const pen = { color: "#1b1b1f", width: 4, createdBy: "Ada", zoom: 1 };

/** Writes an element the way another client (or a hostile script) might, field by field. */
function put(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  elementsOf(doc).set(id, map);
}

function yArray(values: unknown[]): Y.Array<unknown> {
  const array = new Y.Array<unknown>();
  array.push(values);
  return array;
}

function yText(text: string): Y.Text {
  const value = new Y.Text();
  value.insert(0, text);
  return value;
}

const base = { x: 10, y: 20, color: "red", width: 2, z: 0, createdBy: "Bo" };

/** A second replica, fed by the first's updates: what another browser on the board would read. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

describe("strokes", () => {
  it("round-trips a drawn stroke through an update into another doc with SPEC's fields", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 100.4, y: 50.6, pressure: 0.5 } });
    appendStrokePoints(doc, id, [{ x: 110, y: 55, pressure: 0.75 }, { x: 120.2, y: 61.9, pressure: 1 }], 1);

    const element = readElement(id, elementsOf(replicaOf(doc)).get(id));
    expect(element).toEqual({
      id,
      type: "stroke",
      x: 100,
      y: 51,
      color: "#1b1b1f",
      width: 4,
      z: 0,
      createdBy: "Ada",
      points: [0, 0, 0.5, 10, 4, 0.75, 20, 11, 1],
    });
  });

  it("stores points as a Y.Array of numbers so others can watch the stroke grow", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    const map = elementsOf(doc).get(id) as Y.Map<unknown>;
    const points = map.get("points");
    expect(points).toBeInstanceOf(Y.Array);

    const seen: number[] = [];
    (points as Y.Array<number>).observe(() => seen.push((points as Y.Array<number>).length));
    appendStrokePoints(doc, id, [{ x: 1, y: 1, pressure: 0.5 }], 1);
    appendStrokePoints(doc, id, [{ x: 2, y: 2, pressure: 0.5 }, { x: 3, y: 3, pressure: 0.5 }], 1);
    expect(seen).toEqual([6, 12]);
  });

  it("sends one update per append however many points it carries", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    let updates = 0;
    doc.on("update", () => updates++);
    appendStrokePoints(doc, id, Array.from({ length: 30 }, (_, i) => ({ x: i + 1, y: i, pressure: 0.5 })), 1);
    expect(updates).toBe(1);
  });

  it("skips samples that round onto the previous point", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    const added = appendStrokePoints(
      doc,
      id,
      [{ x: 0.2, y: 0.1, pressure: 0.9 }, { x: 1, y: 0, pressure: 0.5 }, { x: 1.3, y: 0.2, pressure: 0.5 }],
      1,
    );
    expect(added).toBe(1);
    expect(readElement(id, elementsOf(doc).get(id))).toMatchObject({ points: [0, 0, 0.5, 1, 0, 0.5] });
  });

  it("adds nothing to a stroke someone else deleted mid-draw", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    elementsOf(doc).delete(id);
    expect(appendStrokePoints(doc, id, [{ x: 5, y: 5, pressure: 0.5 }], 1)).toBe(0);
    expect(elementsOf(doc).size).toBe(0);
  });

  it("paints a new stroke above everything already on the board", () => {
    const doc = new Y.Doc();
    expect(nextZ(doc)).toBe(0);
    put(doc, "a", { ...base, type: "rect", w: 1, h: 1, z: 7 });
    put(doc, "b", { ...base, type: "mystery", z: 99 });
    put(doc, "c", { ...base, type: "rect", w: 1, h: 1, z: "100" });
    // Unknown types still occupy paint order; a z that is not a number does not.
    expect(nextZ(doc)).toBe(100);
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    expect(readElement(id, elementsOf(doc).get(id))?.z).toBe(100);
  });

  it("gives every stroke a fresh URL-safe id", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newElementId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe("quantisation", () => {
  it("rounds points to integers when drawn at zoom 1 or less", () => {
    expect(quantiseCoordinate(10.49, 1)).toBe(10);
    expect(quantiseCoordinate(10.5, 0.5)).toBe(11);
    expect(quantiseCoordinate(-10.5, 1)).toBe(-11);
    expect(Object.is(quantiseCoordinate(-0.2, 1), 0)).toBe(true);
  });

  it("rounds points to quarter units when zoomed in", () => {
    expect(quantiseCoordinate(10.1, 2)).toBe(10);
    expect(quantiseCoordinate(10.13, 4)).toBe(10.25);
    expect(quantiseCoordinate(-3.7, 3)).toBe(-3.75);
  });

  it("rounds pressure to 1/64 within 0..1, and a missing reading to 0.5", () => {
    expect(quantisePressure(0.3)).toBe(19 / 64);
    expect(quantisePressure(1.7)).toBe(1);
    expect(quantisePressure(-1)).toBe(0);
    expect(quantisePressure(Number.NaN)).toBe(0.5);
  });

  it("keeps stored points relative to an integer origin, quarter units when drawn zoomed in", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, zoom: 4, first: { x: 10.3, y: 20.6, pressure: 0.33 } });
    appendStrokePoints(doc, id, [{ x: 11.01, y: 20.9, pressure: 0.5 }], 4);
    const element = readElement(id, elementsOf(doc).get(id));
    expect(element).toMatchObject({ x: 10, y: 21, points: [0.25, -0.5, 21 / 64, 1, 0, 0.5] });
  });

  it("makes a drawn board smaller than the same board with raw coordinates", () => {
    const raw = new Y.Doc();
    const quantised = new Y.Doc();
    const samples = Array.from({ length: 100 }, (_, i) => ({ x: 3.14159 * i, y: Math.sin(i) * 50, pressure: 0.5 }));
    const rawPoints = new Y.Array<number>();
    rawPoints.push(samples.flatMap((s) => [s.x, s.y, s.pressure]));
    put(raw, "s", { ...base, type: "stroke", points: rawPoints });
    const id = createStroke(quantised, { ...pen, first: samples[0]! });
    appendStrokePoints(quantised, id, samples.slice(1), 1);
    expect(Y.encodeStateAsUpdate(quantised).length).toBeLessThan(Y.encodeStateAsUpdate(raw).length / 2);
  });
});

describe("readElement", () => {
  it("reads every SPEC element type", () => {
    const doc = new Y.Doc();
    put(doc, "r", { ...base, type: "rect", w: 30, h: 40, fill: "#eee", rotation: 0.5, opacity: 0.5 });
    put(doc, "e", { ...base, type: "ellipse", w: 0, h: 5 });
    put(doc, "l", { ...base, type: "line", points: yArray([0, 0, 10, 10]) });
    put(doc, "a", { ...base, type: "arrow", points: yArray([0, 0, 10, 10, 20, 0]) });
    put(doc, "t", { ...base, type: "text", text: yText("hello"), fontSize: 18 });
    put(doc, "s", { ...base, type: "stroke", points: yArray([0, 0, 0.5]) });

    const read = (id: string) => readElement(id, elementsOf(doc).get(id));
    expect(read("r")).toEqual({ id: "r", ...base, type: "rect", w: 30, h: 40, fill: "#eee", rotation: 0.5, opacity: 0.5 });
    expect(read("e")).toEqual({ id: "e", ...base, type: "ellipse", w: 0, h: 5 });
    expect(read("l")).toEqual({ id: "l", ...base, type: "line", points: [0, 0, 10, 10] });
    expect(read("a")).toMatchObject({ type: "arrow", points: [0, 0, 10, 10, 20, 0] });
    expect(read("t")).toEqual({ id: "t", ...base, type: "text", text: "hello", fontSize: 18 });
    expect(read("s")).toMatchObject({ type: "stroke", points: [0, 0, 0.5] });
  });

  it("returns undefined, never throws, for unknown types and malformed elements", () => {
    const doc = new Y.Doc();
    const elements = elementsOf(doc);
    const malformed: Record<string, Record<string, unknown>> = {
      unknownType: { ...base, type: "hexagon" },
      noType: { ...base },
      xAsString: { ...base, type: "rect", x: "10", w: 1, h: 1 },
      nanWidth: { ...base, type: "rect", width: Number.NaN, w: 1, h: 1 },
      colorAsNumber: { ...base, type: "rect", color: 0xff0000, w: 1, h: 1 },
      noCreatedBy: { ...base, type: "rect", createdBy: undefined, w: 1, h: 1 },
      negativeSize: { ...base, type: "ellipse", w: -1, h: 1 },
      pointsAsPlainArray: { ...base, type: "stroke", points: [0, 0, 0.5] },
      pointsWithString: { ...base, type: "stroke", points: yArray([0, 0, "0.5"]) },
      emptyStroke: { ...base, type: "stroke", points: yArray([]) },
      onePointLine: { ...base, type: "line", points: yArray([0, 0]) },
      textAsString: { ...base, type: "text", text: "hi", fontSize: 12 },
      zeroFontSize: { ...base, type: "text", text: yText("hi"), fontSize: 0 },
    };
    for (const [id, fields] of Object.entries(malformed)) put(doc, id, fields);
    elements.set("number", 42);
    elements.set("null", null);
    elements.set("array", yArray([1, 2, 3]));
    elements.set("text", yText("not an element"));

    elements.forEach((value, id) => {
      expect(() => readElement(id, value), id).not.toThrow();
      expect(readElement(id, value), id).toBeUndefined();
    });
  });

  it("drops optional fields of the wrong type and unknown extra fields but keeps the element", () => {
    const doc = new Y.Doc();
    put(doc, "r", { ...base, type: "rect", w: 1, h: 2, fill: 7, rotation: "1", opacity: 3, sparkle: true });
    expect(readElement("r", elementsOf(doc).get("r"))).toEqual({ id: "r", ...base, type: "rect", w: 1, h: 2 });
  });

  it("drops a trailing partial point rather than the whole stroke", () => {
    const doc = new Y.Doc();
    put(doc, "s", { ...base, type: "stroke", points: yArray([0, 0, 0.5, 4, 4]) });
    expect(readElement("s", elementsOf(doc).get("s"))).toMatchObject({ points: [0, 0, 0.5] });
  });

  it("lists drawable elements in paint order, z first then id, skipping the rest", () => {
    const doc = new Y.Doc();
    put(doc, "b", { ...base, type: "rect", w: 1, h: 1, z: 1 });
    put(doc, "a", { ...base, type: "rect", w: 1, h: 1, z: 1 });
    put(doc, "c", { ...base, type: "rect", w: 1, h: 1, z: 0 });
    put(doc, "bad", { ...base, type: "blob", z: -1 });
    expect(readElements(doc).map((e) => e.id)).toEqual(["c", "a", "b"]);
  });
});

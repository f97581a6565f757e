import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBox, createPolyline, createText } from "./element-create.js";
import { elementsOf } from "./element.js";
import { readElement } from "./element-read.js";
import {
  deleteElements,
  moveElementTo,
  setBox,
  setElementPoints,
  setElementRotation,
  setElementStyle,
  setPolylinePoints,
  setTextGeometry,
} from "./element-update.js";

const style = { color: "#111", width: 2, createdBy: "Ada", zoom: 1 };
const raw = (doc: Y.Doc, id: string) => (elementsOf(doc).get(id) as Y.Map<unknown>).toJSON();

describe("element updates", () => {
  it("moves an element to an integer origin and keeps fields it does not know", () => {
    const doc = new Y.Doc();
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    (elementsOf(doc).get(id) as Y.Map<unknown>).set("sparkle", true);
    expect(moveElementTo(doc, id, 12.6, -3.2)).toBe(true);
    expect(raw(doc, id)).toMatchObject({ x: 13, y: -3, w: 10, sparkle: true });
  });

  it("turns an element about its centre, stored in [0, 2π), and removes the field when turned back", () => {
    const doc = new Y.Doc();
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    (elementsOf(doc).get(id) as Y.Map<unknown>).set("sparkle", true);
    expect(setElementRotation(doc, id, 4.4, 5.6, -Math.PI / 2)).toBe(true);
    expect(raw(doc, id)).toMatchObject({ x: 4, y: 6, sparkle: true });
    expect(raw(doc, id).rotation).toBeCloseTo((3 * Math.PI) / 2, 12);
    expect(readElement(id, elementsOf(doc).get(id))).toMatchObject({ rotation: raw(doc, id).rotation });
    setElementRotation(doc, id, 4, 6, Math.PI * 4);
    expect(raw(doc, id)).not.toHaveProperty("rotation");
    expect(setElementRotation(doc, id, 0, 0, Number.NaN)).toBe(false);
    expect(setElementRotation(doc, "gone", 0, 0, 1)).toBe(false);
  });

  it("writes nothing for an element someone else deleted", () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on("update", () => updates++);
    expect(moveElementTo(doc, "gone", 1, 1)).toBe(false);
    expect(setBox(doc, "gone", { x: 0, y: 0, w: 1, h: 1 }, 1)).toBe(false);
    expect(updates).toBe(0);
  });

  it("resizes a box but refuses to give a line a box", () => {
    const doc = new Y.Doc();
    const box = createBox(doc, { ...style, type: "ellipse", x: 0, y: 0, w: 10, h: 10 });
    const line = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 0 }, { x: 5, y: 5 }] });
    expect(setBox(doc, box, { x: 4, y: 5, w: 20.2, h: 7 }, 1)).toBe(true);
    expect(raw(doc, box)).toMatchObject({ x: 4, y: 5, w: 20, h: 7 });
    expect(setBox(doc, line, { x: 0, y: 0, w: 1, h: 1 }, 1)).toBe(false);
  });

  it("replaces a line's points in the same Y.Array", () => {
    const doc = new Y.Doc();
    const id = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 0 }, { x: 5, y: 5 }] });
    const array = (elementsOf(doc).get(id) as Y.Map<unknown>).get("points");
    setPolylinePoints(doc, id, [{ x: 10, y: 10 }, { x: 20, y: 0 }, { x: 30, y: 10 }], 1);
    expect(raw(doc, id)).toMatchObject({ x: 10, y: 10, points: [0, 0, 10, -10, 20, 0] });
    expect((elementsOf(doc).get(id) as Y.Map<unknown>).get("points")).toBe(array);
    setElementPoints(doc, id, 0, 0, [0, 0, 1, 1]);
    expect(readElement(id, elementsOf(doc).get(id))).toMatchObject({ x: 0, y: 0, points: [0, 0, 1, 1] });
  });

  it("restyles only the fields that apply: fill on boxes, font size on text, opacity 1 removed", () => {
    const doc = new Y.Doc();
    const box = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1, opacity: 0.5, fill: "#eee" });
    const text = createText(doc, { ...style, x: 0, y: 0, text: "a", fontSize: 20 });
    setElementStyle(doc, box, { color: "#f00", opacity: 1, fill: null, fontSize: 50 });
    setElementStyle(doc, text, { fill: "#0f0", fontSize: 36, width: 9 });
    expect(raw(doc, box)).toEqual({ type: "rect", x: 0, y: 0, w: 1, h: 1, color: "#f00", width: 2, z: 0, createdBy: "Ada" });
    expect(raw(doc, text)).toMatchObject({ fontSize: 36, width: 0 });
    expect(raw(doc, text)).not.toHaveProperty("fill");
  });

  it("scales text through its font size and deletes in one transaction", () => {
    const doc = new Y.Doc();
    const a = createText(doc, { ...style, x: 0, y: 0, text: "a", fontSize: 20 });
    const b = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    setTextGeometry(doc, a, 3, 4, 40);
    expect(raw(doc, a)).toMatchObject({ x: 3, y: 4, fontSize: 40 });
    let updates = 0;
    doc.on("update", () => updates++);
    expect(deleteElements(doc, [a, b, "missing"])).toBe(2);
    expect(updates).toBe(1);
    expect(elementsOf(doc).size).toBe(0);
  });
});

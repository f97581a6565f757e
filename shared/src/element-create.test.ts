import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBox, createPolyline, createText } from "./element-create.js";
import { elementsOf } from "./element.js";
import { readElement } from "./element-read.js";

const style = { color: "#e5484d", width: 3, createdBy: "Ada", zoom: 1 };

/** What another browser on the board reads: the element after a round trip through an update. */
function readAtReplica(doc: Y.Doc, id: string) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return { element: readElement(id, elementsOf(other).get(id)), raw: (elementsOf(other).get(id) as Y.Map<unknown>).toJSON() };
}

describe("createBox", () => {
  it("writes a rectangle with exactly SPEC's fields, an integer top-left and the size kept", () => {
    const doc = new Y.Doc();
    const id = createBox(doc, { ...style, type: "rect", x: 10.4, y: 20.6, w: 30.2, h: 40, fill: "#ffe" });
    const { element, raw } = readAtReplica(doc, id);
    expect(raw).toEqual({ type: "rect", x: 10, y: 21, w: 31, h: 40, color: "#e5484d", width: 3, z: 0, createdBy: "Ada", fill: "#ffe" });
    expect(element).toMatchObject({ type: "rect", w: 31, h: 40 });
  });

  it("writes an ellipse with no fill key when it has no fill, and opacity only below 1", () => {
    const doc = new Y.Doc();
    const a = createBox(doc, { ...style, type: "ellipse", x: 0, y: 0, w: 5, h: 5, opacity: 1 });
    const b = createBox(doc, { ...style, type: "ellipse", x: 0, y: 0, w: 5, h: 5, opacity: 0.5 });
    expect(readAtReplica(doc, a).raw).not.toHaveProperty("fill");
    expect(readAtReplica(doc, a).raw).not.toHaveProperty("opacity");
    expect(readAtReplica(doc, b).raw).toMatchObject({ opacity: 0.5, z: 1 });
  });

  it("keeps quarter units for a box drawn zoomed in", () => {
    const doc = new Y.Doc();
    const id = createBox(doc, { ...style, zoom: 4, type: "rect", x: 0, y: 0, w: 10.3, h: 2.6 });
    expect(readAtReplica(doc, id).raw).toMatchObject({ w: 10.25, h: 2.5 });
  });
});

describe("createPolyline", () => {
  it("writes an arrow as flat points relative to its first point, head at the last", () => {
    const doc = new Y.Doc();
    const id = createPolyline(doc, { ...style, type: "arrow", points: [{ x: 100.3, y: 50 }, { x: 160, y: 20.2 }] });
    const { raw } = readAtReplica(doc, id);
    expect(raw).toEqual({ type: "arrow", x: 100, y: 50, points: [0, 0, 60, -30], color: "#e5484d", width: 3, z: 0, createdBy: "Ada" });
    expect((elementsOf(doc).get(id) as Y.Map<unknown>).get("points")).toBeInstanceOf(Y.Array);
  });

  it("refuses a line of one point", () => {
    expect(() => createPolyline(new Y.Doc(), { ...style, type: "line", points: [{ x: 0, y: 0 }] })).toThrow();
  });
});

describe("createText", () => {
  it("writes the text as a Y.Text with its font size, and width 0 since text has no outline", () => {
    const doc = new Y.Doc();
    const id = createText(doc, { color: "#111", createdBy: "Ada", zoom: 1, x: 5.5, y: 7, text: "hi", fontSize: 24 });
    const map = elementsOf(doc).get(id) as Y.Map<unknown>;
    expect(map.get("text")).toBeInstanceOf(Y.Text);
    expect(readAtReplica(doc, id).element).toEqual({
      id,
      type: "text",
      x: 6,
      y: 7,
      color: "#111",
      width: 0,
      z: 0,
      createdBy: "Ada",
      text: "hi",
      fontSize: 24,
    });
  });
});

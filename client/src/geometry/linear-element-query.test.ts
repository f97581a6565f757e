import { createBox, createPolyline, elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLinearElementQuery } from "./linear-element-query";
import { estimateText } from "./text-measure";

const style = { color: "#000", width: 2, createdBy: "t", zoom: 1 };

function put(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  elementsOf(doc).set(id, map);
}

describe("createLinearElementQuery", () => {
  it("answers topmost first under a point, and follows the doc as it changes", () => {
    const doc = new Y.Doc();
    const query = createLinearElementQuery(doc, estimateText);
    const below = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 100, h: 100, fill: "#eee" });
    const above = createBox(doc, { ...style, type: "rect", x: 50, y: 50, w: 100, h: 100, fill: "#ddd" });
    expect(query.elementsAt({ x: 75, y: 75 }, 0).map((e) => e.id)).toEqual([above, below]);
    elementsOf(doc).delete(above);
    expect(query.elementsAt({ x: 75, y: 75 }, 0).map((e) => e.id)).toEqual([below]);
    query.destroy();
  });

  it("skips unknown and malformed elements in every answer, never throwing", () => {
    const doc = new Y.Doc();
    const query = createLinearElementQuery(doc, estimateText);
    const good = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 0 }, { x: 10, y: 10 }] });
    const common = { x: 0, y: 0, color: "#000", width: 50, z: 5, createdBy: "t" };
    put(doc, "hexagon", { ...common, type: "hexagon", w: 10, h: 10 });
    put(doc, "badX", { ...common, type: "rect", x: "0", w: 10, h: 10 });
    put(doc, "badPoints", { ...common, type: "stroke", points: [0, 0, 0.5] });
    elementsOf(doc).set("number", 7);

    expect(query.elementsAt({ x: 5, y: 5 }, 4).map((e) => e.id)).toEqual([good]);
    expect(query.elementsIn({ minX: -100, minY: -100, maxX: 100, maxY: 100 }, "intersect").map((e) => e.id)).toEqual([good]);
    expect(query.all().map((e) => e.id)).toEqual([good]);
    expect(query.get("hexagon")).toBeUndefined();
    query.destroy();
  });

  it("tells subscribers when elements change", () => {
    const doc = new Y.Doc();
    const query = createLinearElementQuery(doc, estimateText);
    let calls = 0;
    query.subscribe(() => calls++);
    createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    expect(calls).toBe(1);
    query.destroy();
  });
});

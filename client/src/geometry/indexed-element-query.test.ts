import { type Element, type ElementFields, createBox, createPolyline, createText, elementMap, elementsOf, moveElementTo } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createScene } from "../canvas/scene";
import { createIndexedElementQuery } from "./indexed-element-query";
import { elementQueryFor } from "./test-element-query";
import { boxContainsBox, boxesIntersect } from "./box";
import { elementBounds } from "./element-shape";
import { hitElement } from "./hit-test";
import { estimateText } from "./text-measure";

const style = { color: "#000", width: 2, createdBy: "t", zoom: 1 };

function put(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  elementsOf(doc).set(id, map);
}

describe("createIndexedElementQuery", () => {
  it("answers topmost first under a point, and follows the doc as it changes", () => {
    const doc = new Y.Doc();
    const query = elementQueryFor(doc);
    const below = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 100, h: 100, fill: "#eee" });
    const above = createBox(doc, { ...style, type: "rect", x: 50, y: 50, w: 100, h: 100, fill: "#ddd" });
    expect(query.elementsAt({ x: 75, y: 75 }, 0).map((e) => e.id)).toEqual([above, below]);
    elementsOf(doc).delete(above);
    expect(query.elementsAt({ x: 75, y: 75 }, 0).map((e) => e.id)).toEqual([below]);
    query.destroy();
  });

  it("skips unknown and malformed elements in every answer, never throwing", () => {
    const doc = new Y.Doc();
    const query = elementQueryFor(doc);
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

  it("answers all() with a new list after an element changes in place, and the same list until then", () => {
    const doc = new Y.Doc();
    const query = elementQueryFor(doc);
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    const before = query.all();
    expect(query.all()).toBe(before);
    moveElementTo(doc, id, 50, 0);
    const after = query.all();
    expect(after).not.toBe(before);
    expect(after[0]).toMatchObject({ id, x: 50 });
    query.destroy();
  });

  it("hits an empty and a one-letter text anywhere in the box hit testing gives it", () => {
    const doc = new Y.Doc();
    const query = elementQueryFor(doc);
    const empty = createText(doc, { x: 0, y: 0, text: "", fontSize: 40, color: "#000", createdBy: "t", zoom: 1 });
    const letter = createText(doc, { x: 0, y: 100, text: "i", fontSize: 40, color: "#000", createdBy: "t", zoom: 1 });
    // Hit testing gives text at least half a font size of width: 20 units here.
    expect(query.elementsAt({ x: 18, y: 20 }, 0).map((e) => e.id)).toEqual([empty]);
    expect(query.elementsAt({ x: 18, y: 120 }, 0).map((e) => e.id)).toEqual([letter]);
    query.destroy();
  });

  it("tells subscribers when elements change", () => {
    const doc = new Y.Doc();
    const query = elementQueryFor(doc);
    let calls = 0;
    query.subscribe(() => calls++);
    createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    expect(calls).toBe(1);
    query.destroy();
  });

  it("agrees with testing every element exactly, for every element type, rotated or not (seeded)", () => {
    const seed = 20261124;
    const random = mulberry32(seed);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 300; i++) elementsOf(doc).set(`e${i}`, elementMap(randomElement(random, i)));
    });
    const query = elementQueryFor(doc);
    const everything = query.all();
    expect(everything).toHaveLength(300);
    for (let probe = 0; probe < 400; probe++) {
      const point = { x: random() * 1200 - 100, y: random() * 1200 - 100 };
      const tolerance = random() * 8;
      const exact = everything.filter((e) => hitElement(e, point, tolerance, estimateText)).reverse();
      expect(query.elementsAt(point, tolerance).map((e) => e.id), `seed ${seed}, probe ${probe}`).toEqual(exact.map((e) => e.id));
    }
    for (let probe = 0; probe < 100; probe++) {
      const x = random() * 1000;
      const y = random() * 1000;
      const box = { minX: x, minY: y, maxX: x + random() * 400, maxY: y + random() * 400 };
      for (const pick of ["contain", "intersect"] as const) {
        const test = pick === "contain" ? boxContainsBox : boxesIntersect;
        const exact = everything.filter((e) => test(box, elementBounds(e, estimateText)));
        expect(query.elementsIn(box, pick).map((e) => e.id), `seed ${seed}, box ${probe} ${pick}`).toEqual(exact.map((e) => e.id));
      }
    }
  });

  it("tests only the elements the index finds near the point, never the whole board", () => {
    const doc = new Y.Doc();
    const scene = createScene(doc);
    for (let i = 0; i < 2000; i++) createBox(doc, { ...style, type: "rect", x: (i % 50) * 100, y: Math.floor(i / 50) * 100, w: 50, h: 50 });
    let candidates = 0;
    let wholeBoardReads = 0;
    const counting = {
      ...scene,
      queryPoint: (point: { x: number; y: number }, tolerance: number) => {
        const found = scene.queryPoint(point, tolerance);
        candidates += found.length;
        return found;
      },
      entries: () => {
        wholeBoardReads++;
        return scene.entries();
      },
    };
    const query = createIndexedElementQuery(counting, estimateText);
    expect(query.elementsAt({ x: 100, y: 25 }, 2)).toHaveLength(1);
    expect(candidates).toBeGreaterThanOrEqual(1);
    expect(candidates).toBeLessThanOrEqual(2);
    expect(wholeBoardReads).toBe(0);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomElement(random: () => number, z: number): ElementFields {
  const base = {
    x: Math.round(random() * 1000),
    y: Math.round(random() * 1000),
    color: "#000",
    width: 1 + Math.round(random() * 8),
    z,
    createdBy: "t",
    ...(random() < 0.3 ? { rotation: random() * Math.PI * 2 } : {}),
  };
  const flat = (count: number, size: number) =>
    Array.from({ length: count * size }, (_, i) => (i % size === 2 ? 0.5 : Math.round(random() * 120 - 60)));
  const kinds: Element["type"][] = ["stroke", "rect", "ellipse", "line", "arrow", "text"];
  switch (kinds[Math.floor(random() * kinds.length)]!) {
    case "stroke":
      return { ...base, type: "stroke", points: flat(2 + Math.floor(random() * 8), 3) };
    case "rect":
      return { ...base, type: "rect", w: Math.round(random() * 150), h: Math.round(random() * 150), ...(random() < 0.5 ? { fill: "#eee" } : {}) };
    case "ellipse":
      return { ...base, type: "ellipse", w: Math.round(random() * 150), h: Math.round(random() * 150), ...(random() < 0.5 ? { fill: "#eee" } : {}) };
    case "line":
    case "arrow":
      return { ...base, type: random() < 0.5 ? "line" : "arrow", points: flat(2 + Math.floor(random() * 3), 2) };
    default:
      return { ...base, type: "text", width: 0, text: ["Hello there\nsecond line", "", "i"][Math.floor(random() * 3)]!, fontSize: 12 + Math.round(random() * 30) };
  }
}

import { appendStrokePoints, createStroke, elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SceneChange, createScene } from "./scene";

const pen = { color: "#000", width: 4, createdBy: "Ada", zoom: 1 };

function rect(doc: Y.Doc, id: string, z: number, extra: Record<string, unknown> = {}): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ type: "rect", x: 0, y: 0, w: 10, h: 10, color: "red", width: 1, z, createdBy: "Bo", ...extra })) {
    map.set(key, value);
  }
  elementsOf(doc).set(id, map);
}

describe("createScene", () => {
  it("lists what the doc already holds, in paint order, skipping what it cannot draw", () => {
    const doc = new Y.Doc();
    rect(doc, "top", 5);
    rect(doc, "bottom", 1);
    rect(doc, "broken", 3, { w: "wide" });
    const scene = createScene(doc);
    expect(scene.entries().map((e) => e.element.id)).toEqual(["bottom", "top"]);
  });

  it("tells its listeners when the doc changes, and re-reads only the elements that changed", () => {
    const doc = new Y.Doc();
    rect(doc, "still", 0);
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    const scene = createScene(doc);
    let changes = 0;
    scene.subscribe(() => changes++);
    const [still, stroke] = scene.entries();
    const stillElement = still!.element;

    appendStrokePoints(doc, id, [{ x: 30, y: 40, pressure: 0.5 }], 1);
    expect(changes).toBe(1);
    const entries = scene.entries();
    expect(entries[0]!.element).toBe(stillElement);
    expect(entries[1]).toBe(stroke);
    expect(entries[1]!.element).toMatchObject({ points: [0, 0, 0.5, 30, 40, 0.5] });
    expect(entries[1]!.board.maxX).toBeGreaterThanOrEqual(30);
  });

  it("drops an entry's cached path when its element changes", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    const scene = createScene(doc);
    const entry = scene.entries()[0]!;
    entry.path = {} as Path2D;
    appendStrokePoints(doc, id, [{ x: 5, y: 5, pressure: 0.5 }], 1);
    expect(scene.entries()[0]!.path).toBeNull();
  });

  it("follows deletions and changes of paint order", () => {
    const doc = new Y.Doc();
    rect(doc, "a", 1);
    rect(doc, "b", 2);
    const scene = createScene(doc);
    expect(scene.entries().map((e) => e.element.id)).toEqual(["a", "b"]);
    (elementsOf(doc).get("a") as Y.Map<unknown>).set("z", 3);
    expect(scene.entries().map((e) => e.element.id)).toEqual(["b", "a"]);
    elementsOf(doc).delete("b");
    expect(scene.entries().map((e) => e.element.id)).toEqual(["a"]);
  });

  it("forgets an element that becomes malformed rather than drawing it stale", () => {
    const doc = new Y.Doc();
    rect(doc, "a", 1);
    const scene = createScene(doc);
    expect(scene.entries()).toHaveLength(1);
    (elementsOf(doc).get("a") as Y.Map<unknown>).set("type", "hologram");
    expect(scene.entries()).toHaveLength(0);
  });

  it("answers a rectangle or a point with the entries there, in paint order", () => {
    const doc = new Y.Doc();
    rect(doc, "top", 9, { x: 0, y: 0 });
    rect(doc, "under", 2, { x: 5, y: 5 });
    rect(doc, "far", 1, { x: 5000, y: 5000 });
    const scene = createScene(doc);
    expect(scene.query({ minX: 0, minY: 0, maxX: 20, maxY: 20 }).map((e) => e.element.id)).toEqual(["under", "top"]);
    expect(scene.queryPoint({ x: 5004, y: 5004 }).map((e) => e.element.id)).toEqual(["far"]);
    expect(scene.queryPoint({ x: 30, y: 30 }, 20).map((e) => e.element.id)).toEqual(["under", "top"]);
    expect(scene.size()).toBe(3);
  });

  it("finds an element where it moved to, not where it was", () => {
    const doc = new Y.Doc();
    rect(doc, "a", 1);
    const scene = createScene(doc);
    (elementsOf(doc).get("a") as Y.Map<unknown>).set("x", 1000);
    expect(scene.queryPoint({ x: 5, y: 5 })).toEqual([]);
    expect(scene.queryPoint({ x: 1005, y: 5 }).map((e) => e.element.id)).toEqual(["a"]);
  });

  it("tells refresh listeners where each changed element was and is", () => {
    const doc = new Y.Doc();
    rect(doc, "a", 1);
    rect(doc, "b", 2);
    const scene = createScene(doc);
    scene.entries();
    const seen: SceneChange[] = [];
    scene.onRefresh((changes) => seen.push(...changes));
    doc.transact(() => {
      (elementsOf(doc).get("a") as Y.Map<unknown>).set("x", 100);
      elementsOf(doc).delete("b");
    });
    rect(doc, "c", 3);
    scene.entries();
    expect(seen.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([
      { id: "a", before: { minX: -0.5, minY: -0.5, maxX: 10.5, maxY: 10.5 }, after: { minX: 99.5, minY: -0.5, maxX: 110.5, maxY: 10.5 } },
      { id: "b", before: { minX: -0.5, minY: -0.5, maxX: 10.5, maxY: 10.5 }, after: null },
      { id: "c", before: null, after: { minX: -0.5, minY: -0.5, maxX: 10.5, maxY: 10.5 } },
    ]);
  });

  it("keeps its paint-order numbers in SPEC's order through adds on top, below, and z changes", () => {
    const doc = new Y.Doc();
    const scene = createScene(doc);
    const check = () => {
      const byOrder = [...scene.entries()].sort((a, b) => a.order - b.order).map((e) => e.element.id);
      const bySpec = [...scene.entries()].sort((a, b) => (a.element.z - b.element.z) || (a.element.id < b.element.id ? -1 : 1)).map((e) => e.element.id);
      expect(byOrder).toEqual(bySpec);
      expect(scene.entries().map((e) => e.element.id)).toEqual(bySpec);
    };
    rect(doc, "m", 5);
    check();
    rect(doc, "n", 6);
    rect(doc, "o", 7);
    check();
    rect(doc, "a", 0);
    check();
    rect(doc, "tie", 6);
    check();
    (elementsOf(doc).get("m") as Y.Map<unknown>).set("z", 100);
    check();
    elementsOf(doc).delete("m");
    rect(doc, "p", 8);
    check();
  });

  it("keeps a stroke's outline when the stroke only moves", () => {
    const doc = new Y.Doc();
    const id = createStroke(doc, { ...pen, first: { x: 0, y: 0, pressure: 0.5 } });
    const scene = createScene(doc);
    const entry = scene.entries()[0]!;
    const outline = {} as Path2D;
    entry.path = outline;
    (elementsOf(doc).get(id) as Y.Map<unknown>).set("x", 500);
    expect(scene.entries()[0]!.path).toBe(outline);
  });
});

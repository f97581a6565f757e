import { appendStrokePoints, createStroke, elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createScene } from "./scene";

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
});

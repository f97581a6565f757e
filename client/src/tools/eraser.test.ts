import { createBox, createPolyline, elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createEdits } from "../editor/edits";
import { elementQueryFor } from "../geometry/test-element-query";
import { createEraser } from "./eraser";
import { at, drag } from "./test-pointer";

const style = { color: "#000", width: 2, createdBy: "Bo", zoom: 1 };

function setup() {
  const doc = new Y.Doc();
  const edits = createEdits(doc);
  const query = elementQueryFor(doc);
  const previews: (readonly string[])[] = [];
  const eraser = createEraser({ edits, query, zoom: () => 1, preview: (ids) => previews.push(ids) });
  return { doc, edits, eraser, previews };
}

describe("eraser", () => {
  it("erases whole every element its sweep touches, and only those, when the pointer lifts", () => {
    const { doc, eraser, previews } = setup();
    const a = createPolyline(doc, { ...style, type: "line", points: [{ x: 100, y: 0 }, { x: 100, y: 200 }] });
    const b = createBox(doc, { ...style, type: "rect", x: 200, y: 50, w: 50, h: 50 });
    const kept = createBox(doc, { ...style, type: "rect", x: 400, y: 50, w: 50, h: 50 });
    eraser.down(at(50, 75));
    // One fast move across both: the path between samples is swept too.
    eraser.move(at(230, 50));
    expect(elementsOf(doc).size).toBe(3);
    expect([...previews.at(-1)!].sort()).toEqual([a, b].sort());
    eraser.up(at(230, 50));
    expect([...elementsOf(doc).keys()]).toEqual([kept]);
    expect(previews.at(-1)).toEqual([]);
  });

  it("erases a sweep as one undo step, and Esc erases nothing", () => {
    const { doc, edits, eraser } = setup();
    createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    createBox(doc, { ...style, type: "rect", x: 20, y: 0, w: 10, h: 10 });
    drag(eraser, [0, 5], [30, 5]);
    expect(elementsOf(doc).size).toBe(0);
    edits.undo();
    expect(elementsOf(doc).size).toBe(2);
    eraser.down(at(0, 5));
    eraser.cancel();
    expect(elementsOf(doc).size).toBe(2);
  });

  it("leaves unknown and malformed elements alone", () => {
    const { doc, eraser } = setup();
    const odd = new Y.Map<unknown>();
    odd.set("type", "hexagon");
    odd.set("x", 0);
    elementsOf(doc).set("odd", odd);
    drag(eraser, [0, 0], [10, 10]);
    expect(elementsOf(doc).has("odd")).toBe(true);
  });
});

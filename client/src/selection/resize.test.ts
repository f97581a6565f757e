import type { Element } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import { resizeBox, resizeElement } from "./resize";

const from = { minX: 0, minY: 0, maxX: 100, maxY: 50 };

describe("resizeBox", () => {
  it("moves only the dragged sides", () => {
    expect(resizeBox(from, "e", { x: 150, y: 999 }, false, 1)).toEqual({ minX: 0, minY: 0, maxX: 150, maxY: 50 });
    expect(resizeBox(from, "nw", { x: -10, y: -20 }, false, 1)).toEqual({ minX: -10, minY: -20, maxX: 100, maxY: 50 });
  });

  it("never lets a side cross the opposite one", () => {
    expect(resizeBox(from, "w", { x: 500, y: 0 }, false, 4)).toEqual({ minX: 96, minY: 0, maxX: 100, maxY: 50 });
  });

  it("keeps the proportions with shift", () => {
    expect(resizeBox(from, "se", { x: 300, y: 60 }, true, 1)).toEqual({ minX: 0, minY: 0, maxX: 300, maxY: 150 });
    expect(resizeBox(from, "e", { x: 200, y: 0 }, true, 1)).toEqual({ minX: 0, minY: -25, maxX: 200, maxY: 75 });
  });
});

describe("resizeElement", () => {
  const base = { id: "e", color: "#000", width: 2, z: 0, createdBy: "t" };
  const to = { minX: 0, minY: 0, maxX: 200, maxY: 100 };

  it("scales a box's position and size", () => {
    const rect: Element = { ...base, type: "rect", x: 50, y: 10, w: 20, h: 20 };
    expect(resizeElement(rect, from, to, "y", 1)).toEqual({ kind: "box", x: 100, y: 20, w: 40, h: 40 });
  });

  it("scales a stroke's points but not their pressure, relative to a whole-unit origin", () => {
    const stroke: Element = { ...base, type: "stroke", x: 10, y: 10, points: [0, 0, 0.25, 10, 5, 1] };
    expect(resizeElement(stroke, from, to, "y", 1)).toEqual({ kind: "points", x: 20, y: 20, points: [0, 0, 0.25, 20, 10, 1] });
  });

  it("scales text through its font size", () => {
    const text: Element = { ...base, type: "text", x: 0, y: 0, text: "a", fontSize: 20 };
    expect(resizeElement(text, from, to, "y", 1)).toEqual({ kind: "text", x: 0, y: 0, fontSize: 40 });
  });
});

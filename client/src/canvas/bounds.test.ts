import type { Element } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import { boardBounds, centreOf, localBounds } from "./bounds";

const base = { id: "e", x: 100, y: 50, color: "#000", width: 4, z: 0, createdBy: "t" };

describe("element bounds", () => {
  it("covers a stroke's points and all of its ink width", () => {
    const stroke: Element = { ...base, type: "stroke", points: [0, 0, 0.5, 20, -10, 0.5] };
    expect(localBounds(stroke)).toEqual({ minX: -4, minY: -14, maxX: 24, maxY: 4 });
    expect(boardBounds(stroke, localBounds(stroke))).toEqual({ minX: 96, minY: 36, maxX: 124, maxY: 54 });
  });

  it("sizes text by the measure it is given, its widest line and its line count, with room for overhang", () => {
    const text: Element = { ...base, type: "text", text: "ab\nabcd", fontSize: 10 };
    const box = localBounds(text, (line, fontSize) => line.length * fontSize);
    expect(box.maxX).toBeGreaterThanOrEqual(40);
    expect(box.maxX).toBeLessThan(45);
    expect(box.maxY).toBeGreaterThanOrEqual(25);
    // The padding is even on both sides, so rotation still turns the text about its middle.
    expect(centreOf(box)).toEqual({ x: 20, y: 12.5 });
  });

  it("gives a rotated element the circle its box sweeps", () => {
    const rect: Element = { ...base, type: "rect", w: 30, h: 40, width: 0, rotation: 1 };
    const board = boardBounds(rect, localBounds(rect));
    expect(board.maxX - board.minX).toBeCloseTo(50);
    expect(centreOf(board)).toEqual({ x: 115, y: 70 });
  });
});

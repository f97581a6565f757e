import type { Element } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import { elementInBox, hitElement } from "./hit-test";
import { estimateText } from "./text-measure";

const base = { id: "e", x: 100, y: 100, color: "#000", width: 4, z: 0, createdBy: "t" };
const hit = (element: Element, x: number, y: number, tolerance = 0) => hitElement(element, { x, y }, tolerance, estimateText);

describe("hitElement", () => {
  it("hits a stroke along its ink and misses beside it", () => {
    const stroke: Element = { ...base, type: "stroke", points: [0, 0, 0.5, 100, 0, 0.5] };
    expect(hit(stroke, 150, 101)).toBe(true);
    expect(hit(stroke, 150, 110)).toBe(false);
    expect(hit(stroke, 150, 110, 8)).toBe(true);
  });

  it("hits a one-point stroke as a dot", () => {
    const dot: Element = { ...base, type: "stroke", points: [0, 0, 0.5] };
    expect(hit(dot, 101, 101)).toBe(true);
    expect(hit(dot, 110, 100)).toBe(false);
  });

  it("hits a line and an arrow along every segment", () => {
    const arrow: Element = { ...base, type: "arrow", points: [0, 0, 50, 50, 100, 0] };
    expect(hit(arrow, 125, 125)).toBe(true);
    expect(hit(arrow, 175, 125)).toBe(true);
    expect(hit(arrow, 150, 100)).toBe(false);
    const line: Element = { ...base, type: "line", points: [0, 0, 0, 80] };
    expect(hit(line, 101, 140)).toBe(true);
  });

  it("hits an unfilled rectangle on its outline only, a filled one anywhere inside", () => {
    const rect: Element = { ...base, type: "rect", w: 100, h: 50 };
    expect(hit(rect, 100, 125)).toBe(true);
    expect(hit(rect, 150, 149)).toBe(true);
    expect(hit(rect, 150, 125)).toBe(false);
    expect(hit({ ...rect, fill: "#eee" }, 150, 125)).toBe(true);
    expect(hit({ ...rect, fill: "#eee" }, 250, 125)).toBe(false);
  });

  it("hits an ellipse on its curve, and inside only when filled", () => {
    const ellipse: Element = { ...base, type: "ellipse", w: 100, h: 100 };
    expect(hit(ellipse, 150, 100)).toBe(true);
    expect(hit(ellipse, 150 + 50 * Math.SQRT1_2, 150 + 50 * Math.SQRT1_2)).toBe(true);
    expect(hit(ellipse, 150, 150)).toBe(false);
    expect(hit(ellipse, 105, 105)).toBe(false);
    expect(hit({ ...ellipse, fill: "#eee" }, 150, 150)).toBe(true);
  });

  it("hits text anywhere in its block", () => {
    const text: Element = { ...base, type: "text", text: "hello\nworld!", fontSize: 20, width: 0 };
    expect(hit(text, 110, 130)).toBe(true);
    expect(hit(text, 100 + 6 * 12 - 1, 110)).toBe(true);
    expect(hit(text, 100 + 6 * 12 + 5, 110)).toBe(false);
    expect(hit(text, 110, 151)).toBe(false);
  });

  it("undoes an element's rotation about its centre before testing", () => {
    // A 100 x 10 bar at (100, 100) turned a quarter turn about its centre (150, 105) stands
    // upright along x = 150, from y = 55 to 155.
    const bar: Element = { ...base, type: "rect", w: 100, h: 10, fill: "#000", rotation: Math.PI / 2 };
    expect(hit(bar, 150, 60)).toBe(true);
    expect(hit(bar, 152, 150)).toBe(true);
    expect(hit(bar, 105, 105)).toBe(false);
    expect(hit(bar, 190, 105)).toBe(false);
  });
});

describe("elementInBox", () => {
  const rect: Element = { ...base, type: "rect", w: 100, h: 50 };
  it("contains only what lies wholly inside, ink included", () => {
    expect(elementInBox(rect, { minX: 90, minY: 90, maxX: 210, maxY: 160 }, "contain", estimateText)).toBe(true);
    expect(elementInBox(rect, { minX: 90, minY: 90, maxX: 150, maxY: 160 }, "contain", estimateText)).toBe(false);
  });

  it("intersects what the box touches", () => {
    expect(elementInBox(rect, { minX: 90, minY: 90, maxX: 150, maxY: 160 }, "intersect", estimateText)).toBe(true);
    expect(elementInBox(rect, { minX: 0, minY: 0, maxX: 50, maxY: 50 }, "intersect", estimateText)).toBe(false);
  });
});

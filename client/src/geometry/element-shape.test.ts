import type { Element } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import { elementBounds, elementShape } from "./element-shape";
import { estimateText } from "./text-measure";

const base = { id: "e", x: 10, y: 20, color: "#000", width: 4, z: 0, createdBy: "t" };

describe("element geometry", () => {
  it("boxes each type at its origin, without the ink", () => {
    const shapes: [Element, [number, number, number, number]][] = [
      [{ ...base, type: "stroke", points: [0, 0, 0.5, 30, -5, 0.5] }, [10, 15, 40, 20]],
      [{ ...base, type: "line", points: [-10, 0, 10, 10] }, [0, 20, 20, 30]],
      [{ ...base, type: "arrow", points: [0, 0, 5, 5] }, [10, 20, 15, 25]],
      [{ ...base, type: "rect", w: 7, h: 9 }, [10, 20, 17, 29]],
      [{ ...base, type: "ellipse", w: 0, h: 9 }, [10, 20, 10, 29]],
      [{ ...base, type: "text", text: "ab\nc", fontSize: 10 }, [10, 20, 22, 45]],
    ];
    for (const [element, [minX, minY, maxX, maxY]] of shapes) {
      expect(elementShape(element, estimateText).box, element.type).toEqual({ minX, minY, maxX, maxY });
    }
  });

  it("bounds an element as drawn: half its width around, and the box its rotation sweeps", () => {
    const rect: Element = { ...base, type: "rect", w: 100, h: 10 };
    expect(elementBounds(rect, estimateText)).toEqual({ minX: 8, minY: 18, maxX: 112, maxY: 32 });
    const turned = elementBounds({ ...rect, rotation: Math.PI / 2 }, estimateText);
    expect(turned.minX).toBeCloseTo(53);
    expect(turned.maxY).toBeCloseTo(77);
  });

  it("gives empty text a box to click on", () => {
    const box = elementShape({ ...base, type: "text", text: "", fontSize: 20 }, estimateText).box;
    expect(box.maxX - box.minX).toBeGreaterThan(0);
    expect(box.maxY - box.minY).toBe(25);
  });
});

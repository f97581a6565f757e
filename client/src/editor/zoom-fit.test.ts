import { describe, expect, it } from "vitest";
import { fitViewport } from "./zoom-fit";

describe("fitViewport", () => {
  it("centres what it fits, zoomed out to show it whole", () => {
    const view = fitViewport({ minX: 0, minY: 0, maxX: 2000, maxY: 500 }, { w: 1128, h: 800 }, 1, { x: 0, y: 0, zoom: 1 });
    expect(view.zoom).toBeCloseTo(0.5);
    expect(view.x + 1128 / 2 / view.zoom).toBeCloseTo(1000);
    expect(view.y + 800 / 2 / view.zoom).toBeCloseTo(250);
  });

  it("does not zoom past the limit for something small, and keeps the view with nothing to fit", () => {
    expect(fitViewport({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, { w: 800, h: 600 }, 1, { x: 0, y: 0, zoom: 1 }).zoom).toBe(1);
    expect(fitViewport(null, { w: 800, h: 600 }, 1, { x: 5, y: 6, zoom: 2 })).toEqual({ x: 5, y: 6, zoom: 2 });
  });
});

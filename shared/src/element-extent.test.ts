import { describe, expect, it } from "vitest";
import { flatPointsExtent } from "./element-extent.js";

describe("flatPointsExtent", () => {
  it("bounds x, y of each run of points and ignores the rest of the run (pressure)", () => {
    expect(flatPointsExtent([0, 5, 0.5, -3, 9, 1, 7, -2, 0.2], 3)).toEqual({ minX: -3, minY: -2, maxX: 7, maxY: 9 });
    expect(flatPointsExtent([1, 2, 4, 6], 2)).toEqual({ minX: 1, minY: 2, maxX: 4, maxY: 6 });
  });

  it("is a zero box at the origin with no points, or a dangling half point", () => {
    expect(flatPointsExtent([], 3)).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
    expect(flatPointsExtent([5], 2)).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });
});

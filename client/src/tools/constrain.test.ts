import { describe, expect, it } from "vitest";
import { dragBox, snapAngle } from "./constrain";

describe("dragBox", () => {
  it("normalises a drag in any direction to a top-left and a size", () => {
    expect(dragBox({ x: 50, y: 50 }, { x: 10, y: 30 }, false, false)).toEqual({ x: 10, y: 30, w: 40, h: 20 });
  });

  it("makes a square on the side of the longer drag with shift", () => {
    expect(dragBox({ x: 50, y: 50 }, { x: 10, y: 60 }, true, false)).toEqual({ x: 10, y: 50, w: 40, h: 40 });
  });

  it("grows from the centre with alt", () => {
    expect(dragBox({ x: 50, y: 50 }, { x: 60, y: 45 }, false, true)).toEqual({ x: 40, y: 45, w: 20, h: 10 });
  });
});

describe("snapAngle", () => {
  it("snaps to horizontal, vertical and diagonal", () => {
    expect(snapAngle({ x: 0, y: 0 }, { x: 100, y: 7 })).toEqual({ x: 100, y: 0 });
    expect(snapAngle({ x: 0, y: 0 }, { x: -5, y: 80 })).toEqual({ x: 0, y: 80 });
    const diagonal = snapAngle({ x: 0, y: 0 }, { x: 100, y: 90 });
    expect(diagonal.x).toBeCloseTo(95);
    expect(diagonal.y).toBeCloseTo(95);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_LEVEL, MIN_LEVEL, TILE_SIZE, isExact, levelFor, levelScale, rangeSize, tileBounds, tileKey, tileRange, tilesFromCentre } from "./tile-grid";

describe("tile grid", () => {
  it("draws a view from the level at or just above its scale, so tiles only ever shrink", () => {
    expect(levelFor(1)).toBe(0);
    expect(levelFor(1.01)).toBe(0);
    expect(levelFor(1.5)).toBe(1);
    expect(levelFor(2)).toBe(1);
    expect(levelFor(0.6)).toBe(0);
    expect(levelFor(0.5)).toBe(-1);
    expect(levelFor(0.1)).toBe(-3);
    for (const scale of [0.13, 0.3, 0.77, 1.2, 3.3, 7.9]) {
      const shrink = scale / levelScale(levelFor(scale));
      expect(shrink).toBeGreaterThan(0.5);
      expect(shrink).toBeLessThanOrEqual(1.02);
    }
  });

  it("stays within its levels whatever the scale", () => {
    expect(levelFor(0.0001)).toBe(MIN_LEVEL);
    expect(levelFor(1e9)).toBe(MAX_LEVEL);
    expect(levelFor(Number.NaN)).toBe(0);
    expect(tileKey({ scale: levelScale(levelFor(1)), tx: 0, ty: 0 })).toBe("1/0/0");
  });

  it("covers a rectangle with the tiles it meets, and not the next one when it ends on an edge", () => {
    const range = tileRange(1, { minX: -10, minY: 0, maxX: TILE_SIZE, maxY: TILE_SIZE * 2 + 1 });
    expect(range).toEqual({ scale: 1, minTx: -1, minTy: 0, maxTx: 0, maxTy: 2 });
    expect(rangeSize(range)).toBe(6);
    expect(tileBounds({ scale: 2, tx: 1, ty: -1 })).toEqual({ minX: 128, minY: -128, maxX: 256, maxY: 0 });
  });

  it("lists a range's tiles from the centre outwards", () => {
    const tiles = tilesFromCentre({ scale: 1, minTx: 0, minTy: 0, maxTx: 4, maxTy: 2 });
    expect(tiles).toHaveLength(15);
    expect(tiles[0]).toEqual({ scale: 1, tx: 2, ty: 1 });
  });

  it("calls a layer exact for a view when the two scales differ by less than the eye can see", () => {
    expect(isExact(0.8, 0.8)).toBe(true);
    expect(isExact(1, 0.9995)).toBe(true);
    expect(isExact(1, 0.98)).toBe(false);
  });
});

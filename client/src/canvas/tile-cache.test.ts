import { describe, expect, it } from "vitest";
import { createTileCache } from "./tile-cache";
import { TILE_SIZE } from "./tile-grid";

/** Bitmaps are only handed around here, never drawn: a tagged object stands in for one. */
function fakeCanvases() {
  let made = 0;
  return {
    create: () => ({ id: made++ }) as unknown as OffscreenCanvas,
    made: () => made,
  };
}

describe("tile cache", () => {
  it("marks out of date exactly the tiles, in every layer, that show part of a changed area", () => {
    const cache = createTileCache(fakeCanvases().create);
    const near = cache.ensure({ scale: 1, tx: 0, ty: 0 });
    const far = cache.ensure({ scale: 1, tx: 5, ty: 5 });
    const coarse = cache.ensure({ scale: 0.5, tx: 0, ty: 0 });
    for (const tile of [near, far, coarse]) tile.fresh = true;
    cache.invalidate({ minX: 10, minY: 10, maxX: 20, maxY: 20 });
    expect(near.fresh).toBe(false);
    expect(near.version).toBe(1);
    expect(far.fresh).toBe(true);
    expect(coarse.fresh).toBe(false);
  });

  it("handles an area far larger than the tiles it has", () => {
    const cache = createTileCache(fakeCanvases().create);
    const tile = cache.ensure({ scale: 1, tx: -3, ty: 2 });
    tile.fresh = true;
    cache.invalidate({ minX: Number.NEGATIVE_INFINITY, minY: -1e12, maxX: 1e12, maxY: Number.POSITIVE_INFINITY });
    expect(tile.fresh).toBe(false);
  });

  it("drops the least recently needed tiles when full, never one the current frame needs, freeing their images", () => {
    const cache = createTileCache(fakeCanvases().create);
    let closed = 0;
    for (let i = 0; i < 5; i++) {
      const tile = cache.ensure({ scale: 1, tx: i, ty: 0 });
      tile.image = { close: () => closed++ } as unknown as ImageBitmap;
      tile.lastUsed = i === 0 ? 9 : i;
    }
    cache.evict(2, 9);
    expect(cache.size).toBe(2);
    expect(closed).toBe(3);
    expect(cache.get({ scale: 1, tx: 0, ty: 0 })).toBeDefined();
    expect(cache.get({ scale: 1, tx: 4, ty: 0 })).toBeDefined();
    expect(cache.get({ scale: 1, tx: 1, ty: 0 })).toBeUndefined();
  });

  it("hands out a released canvas again before making a new one", () => {
    const canvases = fakeCanvases();
    const cache = createTileCache(canvases.create);
    const first = cache.acquireCanvas();
    cache.releaseCanvas(first);
    expect(cache.acquireCanvas()).toBe(first);
    expect(canvases.made()).toBe(1);
  });

  it("forgets a layer it is told to, and lists the layers it has", () => {
    const cache = createTileCache(fakeCanvases().create);
    cache.ensure({ scale: 1, tx: 0, ty: 0 });
    cache.ensure({ scale: 0.8, tx: 0, ty: 0 });
    cache.ensure({ scale: 0.8, tx: 1, ty: 0 });
    expect(cache.layers().sort()).toEqual([0.8, 1]);
    cache.dropLayer(0.8);
    expect(cache.layers()).toEqual([1]);
    expect(cache.size).toBe(1);
    expect(TILE_SIZE).toBeGreaterThan(0);
  });
});

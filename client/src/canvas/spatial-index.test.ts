import { describe, expect, it } from "vitest";
import type { Bounds } from "./bounds";
import { createSpatialIndex } from "./spatial-index";

const box = (minX: number, minY: number, maxX: number, maxY: number): Bounds => ({ minX, minY, maxX, maxY });

/** A small deterministic generator, so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function meets(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

describe("spatial index", () => {
  it("finds the items whose boxes meet a rectangle, edges included, and nothing else", () => {
    const index = createSpatialIndex<string>();
    index.set("a", box(0, 0, 10, 10), "a");
    index.set("b", box(100, 100, 110, 110), "b");
    index.set("c", box(10, 10, 20, 20), "c");
    expect(index.search(box(5, 5, 10, 10)).sort()).toEqual(["a", "c"]);
    expect(index.search(box(50, 50, 60, 60))).toEqual([]);
    expect(index.size).toBe(3);
  });

  it("reports an item that spans many cells once", () => {
    const index = createSpatialIndex<string>();
    index.set("wide", box(-1000, -5, 1000, 5), "wide");
    expect(index.search(box(-2000, -2000, 2000, 2000))).toEqual(["wide"]);
  });

  it("moves an item set again under the same id, and forgets a deleted one", () => {
    const index = createSpatialIndex<string>();
    index.set("a", box(0, 0, 10, 10), "first");
    index.set("a", box(500, 500, 510, 510), "second");
    expect(index.search(box(0, 0, 10, 10))).toEqual([]);
    expect(index.search(box(505, 505, 506, 506))).toEqual(["second"]);
    expect(index.get("a")).toBe("second");
    expect(index.boundsOf("a")).toEqual(box(500, 500, 510, 510));
    expect(index.delete("a")).toBe(true);
    expect(index.delete("a")).toBe(false);
    expect(index.search(box(-1e6, -1e6, 1e6, 1e6))).toEqual([]);
    expect(index.size).toBe(0);
  });

  it("finds items under a point within a tolerance", () => {
    const index = createSpatialIndex<string>();
    index.set("a", box(0, 0, 10, 10), "a");
    expect(index.searchPoint(12, 5)).toEqual([]);
    expect(index.searchPoint(12, 5, 3)).toEqual(["a"]);
  });

  it("keeps items at huge, infinite or negative coordinates findable", () => {
    const index = createSpatialIndex<string>();
    index.set("far", box(1e15, 1e15, 1e15 + 10, 1e15 + 10), "far");
    index.set("endless", box(0, 0, Number.POSITIVE_INFINITY, 10), "endless");
    index.set("negative", box(-70_000, -70_000, -69_990, -69_990), "negative");
    expect(index.searchPoint(1e15 + 5, 1e15 + 5)).toEqual(["far"]);
    expect(index.searchPoint(5e9, 5)).toEqual(["endless"]);
    expect(index.searchPoint(-69_995, -69_995)).toEqual(["negative"]);
    expect(index.search(box(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).sort()).toEqual([
      "endless",
      "far",
      "negative",
    ]);
  });

  it("answers every search as a scan of all boxes would, through random adds, moves and deletes", () => {
    const seed = 20240611;
    const next = random(seed);
    const index = createSpatialIndex<string>();
    const truth = new Map<string, Bounds>();
    const randomBox = () => {
      const x = (next() - 0.5) * 20_000;
      const y = (next() - 0.5) * 20_000;
      // Mostly pen-sized, now and then huge.
      const size = next() < 0.9 ? next() * 300 : next() * 20_000;
      return box(x, y, x + size * next(), y + size * next());
    };
    for (let step = 0; step < 3000; step++) {
      const id = `e${Math.floor(next() * 500)}`;
      if (next() < 0.2) {
        index.delete(id);
        truth.delete(id);
      } else {
        const bounds = randomBox();
        index.set(id, bounds, id);
        truth.set(id, bounds);
      }
      if (step % 50 === 0) {
        const query = randomBox();
        const expected = [...truth].filter(([, b]) => meets(b, query)).map(([k]) => k).sort();
        expect(index.search(query).sort(), `seed ${seed}, step ${step}`).toEqual(expected);
      }
    }
    expect(index.size).toBe(truth.size);
  });
});

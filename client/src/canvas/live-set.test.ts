import { describe, expect, it } from "vitest";
import type { Bounds } from "./bounds";
import { LIVE_BATCH_LIMIT, QUIET_MS, createLiveSet } from "./live-set";
import type { SceneChange } from "./scene";

const at = (x: number): Bounds => ({ minX: x, minY: 0, maxX: x + 10, maxY: 10 });

describe("live set", () => {
  it("keeps an element that keeps changing out of the tiles, redrawing them only where it left", () => {
    const live = createLiveSet();
    expect(live.apply([{ id: "s", before: null, after: at(0) }], 0)).toEqual([]);
    expect(live.excludes("s")).toBe(true);
    expect(live.apply([{ id: "s", before: at(0), after: at(5) }], 16)).toEqual([]);
    expect([...live.overlay()]).toEqual(["s"]);

    // A finished element that starts moving leaves the tiles where it was.
    expect(live.apply([{ id: "old", before: at(100), after: at(120) }], 20)).toEqual([at(100)]);
  });

  it("hands an element back to the tiles once quiet, and stops drawing it over them once they are fresh", () => {
    const live = createLiveSet();
    live.apply([{ id: "s", before: null, after: at(0) }], 0);
    expect(live.nextSettle()).toBe(QUIET_MS);
    expect(live.settle(QUIET_MS - 1)).toEqual([]);
    expect(live.settle(QUIET_MS)).toEqual([at(0)]);
    expect(live.excludes("s")).toBe(false);
    expect([...live.overlay()]).toEqual(["s"]);
    live.baked();
    expect([...live.overlay()]).toEqual([]);
    expect(live.nextSettle()).toBeNull();
  });

  it("sends a big batch of changes, like a board loading, straight into the tiles", () => {
    const live = createLiveSet();
    live.apply([{ id: "s", before: null, after: at(0) }], 0);
    const many: SceneChange[] = Array.from({ length: LIVE_BATCH_LIMIT + 1 }, (_, i) => ({ id: `e${i}`, before: null, after: at(1000 + i) }));
    many.push({ id: "s", before: at(0), after: at(50) });
    const redraw = live.apply(many, 5);
    expect(redraw).toHaveLength(LIVE_BATCH_LIMIT + 2);
    expect(redraw).toContainEqual(at(50));
    expect(redraw).not.toContainEqual(at(0));
    expect(live.size).toBe(0);
  });

  it("forgets a deleted live element without redrawing tiles it never was in", () => {
    const live = createLiveSet();
    live.apply([{ id: "s", before: null, after: at(0) }], 0);
    expect(live.apply([{ id: "s", before: at(0), after: null }], 1)).toEqual([]);
    expect(live.size).toBe(0);
    expect(live.apply([{ id: "baked", before: at(7), after: null }], 2)).toEqual([at(7)]);
  });
});

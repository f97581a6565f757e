import { describe, expect, it } from "vitest";
import { createOutlineCache } from "./outline-cache";
import type { SceneEntry } from "./scene";

const entry = () => ({ path: null }) as unknown as SceneEntry;
const outline = (name: string) => ({ name }) as unknown as Path2D;

describe("outline cache", () => {
  it("builds an outline once and hands it back while it is kept", () => {
    const cache = createOutlineCache(2);
    const a = entry();
    let builds = 0;
    const build = () => (builds++, outline("a"));
    expect(cache.get(a, build)).toBe(cache.get(a, build));
    expect(builds).toBe(1);
  });

  it("drops the least recently drawn outline beyond its limit", () => {
    const cache = createOutlineCache(2);
    const [a, b, c] = [entry(), entry(), entry()];
    cache.get(a, () => outline("a"));
    cache.get(b, () => outline("b"));
    cache.get(a, () => outline("a again"));
    cache.get(c, () => outline("c"));
    expect(b.path).toBeNull();
    expect(a.path).not.toBeNull();
    expect(c.path).not.toBeNull();
    expect(cache.size).toBe(2);
  });

  it("builds anew for an entry whose outline the scene dropped when it changed", () => {
    const cache = createOutlineCache(2);
    const a = entry();
    cache.get(a, () => outline("first"));
    a.path = null;
    expect(cache.get(a, () => outline("second"))).toEqual(outline("second"));
  });
});

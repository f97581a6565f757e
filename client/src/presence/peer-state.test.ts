import { describe, expect, it } from "vitest";
import { readPeerState } from "./peer-state";

describe("readPeerState", () => {
  it("reads another editor's selection, laser and viewport", () => {
    const peer = readPeerState(7, {
      user: { name: "Bo", color: "#0090ff" },
      cursor: null,
      selection: ["a", "b"],
      laser: { points: [1, 2, 3, 4] },
      viewport: { x: -10, y: 20, zoom: 2 },
      screen: { w: 800, h: 600 },
    });
    expect(peer).toEqual({
      clientId: 7,
      name: "Bo",
      color: "#0090ff",
      selection: ["a", "b"],
      laser: [1, 2, 3, 4],
      viewport: { x: -10, y: 20, zoom: 2 },
      screen: { w: 800, h: 600 },
    });
  });

  it("tolerates anything odd a client may have written", () => {
    const peer = readPeerState(1, {
      user: { name: "Eve", color: "url(x)" },
      selection: [1, "ok", { id: "x" }],
      laser: { points: [1, "2"] },
      viewport: { x: 1, y: 2, zoom: 0 },
      screen: "big",
    });
    expect(peer).toMatchObject({ color: "#6b6b76", selection: ["ok"], laser: [], viewport: null, screen: null });
    expect(readPeerState(2, { cursor: { x: 1, y: 1 } })).toBeUndefined();
    expect(readPeerState(3, null)).toBeUndefined();
  });

  it("caps a huge selection", () => {
    const peer = readPeerState(1, { user: { name: "Big" }, selection: Array.from({ length: 5000 }, (_, i) => `id${i}`) });
    expect(peer!.selection.length).toBeLessThanOrEqual(200);
  });
});

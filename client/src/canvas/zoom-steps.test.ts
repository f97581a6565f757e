import { describe, expect, it } from "vitest";
import { MAX_ZOOM, screenToBoard } from "./viewport";
import { zoomBy, zoomKeyOf } from "./zoom-steps";

const keys = { ctrlKey: false, metaKey: false, altKey: false };

describe("zoom steps", () => {
  it("reads + and = as in, - as out, 0 as back to 100%, and leaves every other key alone", () => {
    expect(["+", "=", "-", "_", "0", "a", " "].map((key) => zoomKeyOf({ ...keys, key }))).toEqual([
      "in",
      "in",
      "out",
      "out",
      "reset",
      undefined,
      undefined,
    ]);
  });

  it("leaves ctrl or cmd with + and - to the browser's own page zoom", () => {
    expect(zoomKeyOf({ ...keys, key: "+", ctrlKey: true })).toBeUndefined();
    expect(zoomKeyOf({ ...keys, key: "-", metaKey: true })).toBeUndefined();
  });

  it("doubles the zoom in four steps in, and comes back in four steps out, about the centre", () => {
    const centre = { x: 400, y: 300 };
    let view = { x: 10, y: 20, zoom: 1 };
    const anchor = screenToBoard(view, centre);
    for (let i = 0; i < 4; i++) view = zoomBy(view, "in", centre);
    expect(view.zoom).toBeCloseTo(2);
    expect(screenToBoard(view, centre).x).toBeCloseTo(anchor.x);
    expect(screenToBoard(view, centre).y).toBeCloseTo(anchor.y);
    for (let i = 0; i < 4; i++) view = zoomBy(view, "out", centre);
    expect(view.zoom).toBeCloseTo(1);
  });

  it("goes back to exactly 100% on reset, and never past the zoom limits", () => {
    const centre = { x: 0, y: 0 };
    expect(zoomBy({ x: 5, y: 5, zoom: 3.7 }, "reset", centre).zoom).toBe(1);
    expect(zoomBy({ x: 0, y: 0, zoom: MAX_ZOOM }, "in", centre).zoom).toBe(MAX_ZOOM);
  });
});

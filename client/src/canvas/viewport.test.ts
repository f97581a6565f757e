import { describe, expect, it } from "vitest";
import { MAX_ZOOM, MIN_ZOOM, boardToScreen, panBy, screenToBoard, zoomAt, zoomTo } from "./viewport";

describe("viewport", () => {
  const view = { x: 100, y: 50, zoom: 2 };

  it("maps screen points to board points and back", () => {
    const board = screenToBoard(view, { x: 40, y: 10 });
    expect(board).toEqual({ x: 120, y: 55 });
    expect(boardToScreen(view, board)).toEqual({ x: 40, y: 10 });
  });

  it("pans so the board follows the drag", () => {
    const moved = panBy(view, 20, -10);
    expect(boardToScreen(moved, { x: 120, y: 55 })).toEqual({ x: 60, y: 0 });
  });

  it("zooms about the pointer, keeping the board point under it", () => {
    const at = { x: 300, y: 200 };
    const before = screenToBoard(view, at);
    const zoomed = zoomAt(view, at, 1.5);
    expect(zoomed.zoom).toBe(3);
    const after = screenToBoard(zoomed, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("comes back to the exact zoom it started from after zooming in and out by one factor", () => {
    const there = zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 3.7);
    expect(zoomAt(there, { x: 0, y: 0 }, 1 / 3.7).zoom).toBe(1);
    expect(zoomTo(view, { x: 10, y: 10 }, 1).zoom).toBe(1);
  });

  it("keeps zoom within its limits", () => {
    expect(zoomAt(view, { x: 0, y: 0 }, 1000).zoom).toBe(MAX_ZOOM);
    expect(zoomAt(view, { x: 0, y: 0 }, 0.0001).zoom).toBe(MIN_ZOOM);
  });
});

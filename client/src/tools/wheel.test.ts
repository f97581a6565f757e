import { describe, expect, it } from "vitest";
import { wheelViewport } from "./wheel";

const view = { x: 0, y: 0, zoom: 1 };
const wheel = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false };

describe("wheelViewport", () => {
  it("pans with a plain wheel or a two-finger swipe", () => {
    expect(wheelViewport(view, { ...wheel, deltaX: 30, deltaY: 100 }, { x: 0, y: 0 })).toEqual({ x: 30, y: 100, zoom: 1 });
  });

  it("turns a vertical wheel sideways with shift", () => {
    expect(wheelViewport(view, { ...wheel, deltaY: 100, shiftKey: true }, { x: 0, y: 0 })).toEqual({ x: 100, y: 0, zoom: 1 });
  });

  it("zooms in with ctrl and a wheel turned up, about the pointer", () => {
    const zoomed = wheelViewport(view, { ...wheel, deltaY: -100, ctrlKey: true }, { x: 200, y: 100 });
    expect(zoomed.zoom).toBeGreaterThan(1);
    expect((200 / zoomed.zoom) + zoomed.x).toBeCloseTo(200);
  });

  it("reads line-mode deltas as lines, not pixels", () => {
    expect(wheelViewport(view, { ...wheel, deltaY: 3, deltaMode: 1 }, { x: 0, y: 0 }).y).toBe(48);
  });
});

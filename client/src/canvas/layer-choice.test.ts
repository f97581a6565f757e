import { describe, expect, it } from "vitest";
import { VIEW_REST_MS, chooseLayer, isLevel } from "./layer-choice";

describe("layer choice", () => {
  it("draws a view at a power of two from that level, moving or not", () => {
    expect(chooseLayer(1, null, 0)).toEqual({ layer: 1, askAgainAfterRest: false });
    expect(chooseLayer(0.5, null, 0)).toEqual({ layer: 0.5, askAgainAfterRest: false });
  });

  it("draws a moving view from the level above its scale, and asks again once it rests", () => {
    expect(chooseLayer(0.8, null, 10)).toEqual({ layer: 1, askAgainAfterRest: true });
    expect(chooseLayer(0.3, null, 10)).toEqual({ layer: 0.5, askAgainAfterRest: true });
  });

  it("draws a resting view at exactly its scale, and keeps that layer while panning at that zoom", () => {
    expect(chooseLayer(0.8, null, VIEW_REST_MS)).toEqual({ layer: 0.8, askAgainAfterRest: false });
    expect(chooseLayer(0.8, 0.8, 0)).toEqual({ layer: 0.8, askAgainAfterRest: false });
    expect(chooseLayer(0.7, 0.8, 0)).toEqual({ layer: 1, askAgainAfterRest: true });
  });

  it("tells levels from exact layers", () => {
    expect(isLevel(0.125)).toBe(true);
    expect(isLevel(4)).toBe(true);
    expect(isLevel(0.8)).toBe(false);
  });
});

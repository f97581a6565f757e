import { describe, expect, it } from "vitest";
import { type LineSink, drawsSimplified, meanInkWidth, traceSimplified } from "./stroke-lod";

function recorder(): LineSink & { calls: string[] } {
  const calls: string[] = [];
  return { calls, moveTo: (x, y) => calls.push(`M ${x} ${y}`), lineTo: (x, y) => calls.push(`L ${x} ${y}`) };
}

describe("stroke level of detail", () => {
  it("simplifies only strokes a couple of pixels wide on screen", () => {
    expect(drawsSimplified(4, 1)).toBe(false);
    expect(drawsSimplified(4, 0.5)).toBe(true);
    expect(drawsSimplified(32, 0.1)).toBe(false);
  });

  it("gives a mouse stroke (pressure 0.5) its own width, and a pressed pen more", () => {
    expect(meanInkWidth([0, 0, 0.5, 10, 0, 0.5], 4)).toBe(4);
    expect(meanInkWidth([0, 0, 1, 10, 0, 1], 4)).toBe(6);
  });

  it("drops points closer than the tolerance but keeps the first and the last", () => {
    const sink = recorder();
    // At scale 0.1 the tolerance is 6 units.
    traceSimplified(sink, [0, 0, 0.5, 2, 0, 0.5, 4, 0, 0.5, 10, 0, 0.5, 11, 0, 0.5], 0.1, 100, 200);
    expect(sink.calls).toEqual(["M 100 200", "L 110 200", "L 111 200"]);
  });

  it("draws a single point as a tiny segment rather than nothing", () => {
    const sink = recorder();
    traceSimplified(sink, [5, 5, 0.5], 1, 0, 0);
    expect(sink.calls).toHaveLength(2);
    expect(sink.calls[0]).toBe("M 5 5");
  });
});

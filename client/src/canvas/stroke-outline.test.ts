import { describe, expect, it } from "vitest";
import { type PathSink, strokeOutline, traceOutline } from "./stroke-outline";

function recorder(): PathSink & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    moveTo: (x, y) => calls.push(`M ${x} ${y}`),
    quadraticCurveTo: (cx, cy, x, y) => calls.push(`Q ${cx} ${cy} ${x} ${y}`),
    closePath: () => calls.push("Z"),
  };
}

describe("stroke outline", () => {
  it("makes a mouse stroke (pressure 0.5 throughout) exactly its width across", () => {
    const points = Array.from({ length: 21 }, (_, i) => [i * 5, 0, 0.5]).flat();
    const outline = strokeOutline(points, 10);
    const middle = outline.filter(([x]) => x > 40 && x < 60).map(([, y]) => y);
    expect(Math.max(...middle) - Math.min(...middle)).toBeCloseTo(10, 0);
  });

  it("draws a single point as a dot, not nothing", () => {
    expect(strokeOutline([5, 5, 0.5], 8).length).toBeGreaterThan(3);
  });

  it("is the same for the same points: every client draws the same ink", () => {
    const points = [0, 0, 0.2, 10, 5, 0.9, 20, 0, 0.4];
    expect(strokeOutline(points, 6)).toEqual(strokeOutline([...points], 6));
  });

  it("traces a closed curve through the outline's edge midpoints", () => {
    const sink = recorder();
    traceOutline(sink, [
      [0, 0],
      [10, 0],
      [10, 10],
    ]);
    expect(sink.calls).toEqual(["M 5 5", "Q 0 0 5 0", "Q 10 0 10 5", "Q 10 10 5 5", "Z"]);
  });
});

import type { PathSink } from "../canvas/stroke-outline";
import { num } from "./svg-markup";

/** Runs `trace` against a path sink that writes SVG path data, and returns it ("" for nothing traced). */
export function svgPath(trace: (sink: PathSink) => void): string {
  const parts: string[] = [];
  trace({
    moveTo: (x, y) => parts.push(`M${num(x)} ${num(y)}`),
    quadraticCurveTo: (cx, cy, x, y) => parts.push(`Q${num(cx)} ${num(cy)} ${num(x)} ${num(y)}`),
    closePath: () => parts.push("Z"),
  });
  return parts.join("");
}

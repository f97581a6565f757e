import { describe, expect, it } from "vitest";
import type { Rgba } from "./dark-ink";
import { FALLBACK_INK, createInkResolver } from "./ink";

/** A probe that knows a few colours, as the browser would parse them. */
function probe(calls: string[] = []) {
  const known: Record<string, Rgba> = { "#000": [0, 0, 0, 1], red: [255, 0, 0, 1], [FALLBACK_INK]: [27, 27, 31, 1] };
  return (css: string): Rgba | null => {
    calls.push(css);
    return known[css] ?? null;
  };
}

describe("ink resolver", () => {
  it("paints a stored colour exactly as written in light mode, and says when one is not a colour", () => {
    const ink = createInkResolver("light", probe());
    expect(ink.resolve("red")).toBe("red");
    expect(ink.resolve("no-such-colour")).toBeNull();
    expect(ink.fallback).toBe(FALLBACK_INK);
  });

  it("adjusts colours for dark paper in dark mode, fallback included", () => {
    const ink = createInkResolver("dark", probe());
    expect(ink.resolve("#000")).not.toBe("#000");
    expect(ink.resolve("#000")).toMatch(/^rgb\(/);
    expect(ink.fallback).not.toBe(FALLBACK_INK);
  });

  it("asks the browser about each colour once", () => {
    const calls: string[] = [];
    const ink = createInkResolver("dark", probe(calls));
    const before = calls.length;
    ink.resolve("red");
    ink.resolve("red");
    ink.resolve("bogus");
    ink.resolve("bogus");
    expect(calls.length - before).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { type Rgba, darkInk, rgbaToCss } from "./dark-ink";

const hex = (h: string): Rgba => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)).concat(1) as unknown as Rgba;
const close = (a: Rgba, b: Rgba, by: number) => a.slice(0, 3).every((c, i) => Math.abs(c - b[i]!) <= by);

describe("dark ink", () => {
  it("turns black and near-black ink near-white, so it reads on dark paper", () => {
    for (const ink of ["#000000", "#1b1b1f"]) {
      const [r, g, b] = darkInk(hex(ink));
      expect(Math.min(r, g, b)).toBeGreaterThan(210);
    }
  });

  it("turns a white fill as dark as the paper, as it was as light as the paper", () => {
    const [r, g, b] = darkInk(hex("#ffffff"));
    expect(Math.max(r, g, b)).toBeLessThan(40);
  });

  it("leaves the vivid palette colours as their authors picked them", () => {
    for (const ink of ["#e5484d", "#f76b15", "#0090ff"]) expect(close(darkInk(hex(ink)), hex(ink), 2)).toBe(true);
  });

  it("turns a pastel fill into a dark tint of the same hue", () => {
    const [r, g, b] = darkInk(hex("#ffc9c9"));
    expect(Math.max(r, g, b)).toBeLessThan(110);
    expect(r).toBeGreaterThan(g);
    expect(r).toBeGreaterThan(b);
  });

  it("lifts a dark colour out of the dark, keeping its hue", () => {
    const [r, g, b] = darkInk(hex("#000080"));
    expect(b).toBeGreaterThan(150);
    expect(b).toBeGreaterThan(r);
    expect(b).toBeGreaterThan(g);
  });

  it("keeps a colour's transparency", () => {
    expect(darkInk([0, 0, 0, 0.25])[3]).toBe(0.25);
    expect(rgbaToCss([1, 2, 3, 0.25])).toBe("rgb(1 2 3 / 0.25)");
    expect(rgbaToCss([1, 2, 3, 1])).toBe("rgb(1 2 3)");
  });
});

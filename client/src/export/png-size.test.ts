import { describe, expect, it } from "vitest";
import { MAX_EXPORT_PIXELS, MAX_EXPORT_SIDE, fitScale } from "./png-size";

describe("fitScale", () => {
  it("keeps the asked scale for an image browsers can make", () => {
    expect(fitScale(800, 600, 2)).toBe(2);
  });

  it("lowers the scale of a huge board until the image fits every browser's canvas limits", () => {
    const scale = fitScale(100_000, 50_000, 2);
    expect(100_000 * scale * 50_000 * scale).toBeLessThanOrEqual(MAX_EXPORT_PIXELS * 1.0001);
    const long = fitScale(100_000, 10, 2);
    expect(100_000 * long).toBeLessThanOrEqual(MAX_EXPORT_SIDE);
  });
});

import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatCounted, formatRate } from "./number-format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [23 * 1024, "23 KiB"],
    [5.25 * 1024 * 1024, "5.3 MiB"],
    [3 * 1024 ** 3, "3.0 GiB"],
  ])("shows %d bytes as %s", (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown);
  });
});

describe("counts and rates", () => {
  it("groups a total's thousands and gives a small rate one decimal", () => {
    expect(formatCount(12345)).toBe("12,345");
    expect([formatCounted(1, "poll", "polls"), formatCounted(0, "poll", "polls"), formatCounted(1200, "poll", "polls")]).toEqual([
      "1 poll",
      "0 polls",
      "1,200 polls",
    ]);
    expect(formatRate(0)).toBe("0.0");
    expect(formatRate(0.5)).toBe("0.5");
    expect(formatRate(12.4)).toBe("12");
    expect(formatRate(1234.5)).toBe("1,235");
  });
});

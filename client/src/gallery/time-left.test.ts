import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./time-left";

const NOW = Date.parse("2025-03-01T12:00:00.000Z");
const later = (ms: number) => new Date(NOW + ms).toISOString();

describe("formatTimeLeft", () => {
  it("counts down in minutes (rounded down), then hours and days (to the nearest)", () => {
    expect(formatTimeLeft(later(30_000), NOW)).toBe("in under a minute");
    expect(formatTimeLeft(later(14 * 60_000 + 59_000), NOW)).toBe("in 14 min");
    expect(formatTimeLeft(later(61 * 60_000), NOW)).toBe("in 1 h");
    expect(formatTimeLeft(later(5.4 * 3_600_000), NOW)).toBe("in 5 h");
    expect(formatTimeLeft(later(30 * 3_600_000), NOW)).toBe("in 1 day");
    expect(formatTimeLeft(later(6 * 86_400_000 - 5000), NOW)).toBe("in 6 days");
  });

  it("says any moment now once the deadline has passed", () => {
    expect(formatTimeLeft(later(-5000), NOW)).toBe("any moment now");
  });

  it("does not pretend to know a time it cannot read", () => {
    expect(formatTimeLeft("soon", NOW)).toBe("at an unknown time");
  });
});

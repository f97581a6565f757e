import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const NOW = Date.parse("2025-06-15T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("formatRelativeTime", () => {
  it("says just now under a minute, and for a time slightly in the future", () => {
    expect(formatRelativeTime(ago(59_000), NOW)).toBe("just now");
    expect(formatRelativeTime(ago(-5_000), NOW)).toBe("just now");
  });

  it("counts whole minutes under an hour", () => {
    expect(formatRelativeTime(ago(60_000), NOW)).toBe("1 min ago");
    expect(formatRelativeTime(ago(5 * 60_000 + 59_000), NOW)).toBe("5 min ago");
  });

  it("counts whole hours under a day", () => {
    expect(formatRelativeTime(ago(3 * 3_600_000 + 1), NOW)).toBe("3 h ago");
  });

  it("says yesterday, then days, for the past week", () => {
    expect(formatRelativeTime(ago(30 * 3_600_000), NOW)).toBe("yesterday");
    expect(formatRelativeTime(ago(4 * 86_400_000), NOW)).toBe("4 days ago");
  });

  it("falls back to a date after a week", () => {
    expect(formatRelativeTime(ago(30 * 86_400_000), NOW)).not.toMatch(/ago/);
  });

  it("does not crash on a time it cannot read", () => {
    expect(formatRelativeTime("not a date", NOW)).toBe("unknown");
  });
});

const UNITS = ["B", "KiB", "MiB", "GiB"];

/**
 * A byte count for people: "512 B", "1.5 KiB", "23 MiB" (one decimal below ten). A unit moves
 * up from 1000, not 1024, so no figure takes four digits.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(value) : oneDecimalBelowTen(value)} ${UNITS[unit]}`;
}

/** A total: "12,345". */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** A total of things: "1 poll", "12,345 polls". */
export function formatCounted(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A per-second rate: "0.5", "12". */
export function formatRate(perSecond: number): string {
  return String(oneDecimalBelowTen(perSecond));
}

function oneDecimalBelowTen(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US");
}

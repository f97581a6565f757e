/** Numbers as the channel tables print them; units are decimal (KB = 1,000 bytes), as the other benches'. */

export const KB = 1000;
export const MB = 1_000_000;

export function whole(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "-" : Math.round(value).toLocaleString("en");
}

/** One decimal below 10, none above: a count per something, such as packets per change. */
export function figure(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "-";
  return Math.abs(value) < 10 ? value.toFixed(1) : whole(value);
}

export function kilobytes(bytes: number | undefined): string {
  return bytes === undefined ? "-" : figure(bytes / KB);
}

export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? "-" : figure(bytes / MB);
}

/** Milliseconds as seconds once they are long enough that milliseconds mislead. */
export function duration(msValue: number | undefined): string {
  if (msValue === undefined || !Number.isFinite(msValue)) return "-";
  if (msValue < 1000) return `${msValue < 100 ? msValue.toFixed(1) : msValue.toFixed(0)} ms`;
  return `${(msValue / 1000).toFixed(msValue < 10_000 ? 2 : 1)} s`;
}

/** "1 poll", "2 polls". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** `a / b` as "12×", for the findings; undefined when either is missing or b is not positive. */
export function ratio(a: number | undefined, b: number | undefined): string | undefined {
  if (a === undefined || b === undefined || !(b > 0)) return undefined;
  const r = a / b;
  return `${r >= 10 ? Math.round(r).toLocaleString("en") : r.toFixed(1)}×`;
}

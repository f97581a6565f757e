import { parseArgs } from "node:util";

/**
 * Command-line flags for the benchmarks, on Node's own `util.parseArgs`: every flag takes a
 * value (or is a boolean switch), unknown flags are errors, and each value is checked against a
 * range, with a message naming the flag.
 */
export function readFlags<Names extends string>(
  argv: readonly string[],
  valued: readonly Names[],
  switches: readonly string[] = [],
): { values: Partial<Record<Names, string>>; switches: Set<string> } {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const name of valued) options[name] = { type: "string" };
  for (const name of switches) options[name] = { type: "boolean" };
  // `pnpm bench -- --n 50` passes the separator through; it means nothing here.
  const { values } = parseArgs({ args: argv.filter((a) => a !== "--"), options, strict: true, allowPositionals: false });
  const strings: Partial<Record<Names, string>> = {};
  for (const name of valued) if (typeof values[name] === "string") strings[name] = values[name] as string;
  return { values: strings, switches: new Set(switches.filter((name) => values[name] === true)) };
}

export function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${flag}: must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

export function integers(flag: string, value: string, min: number, max: number): number[] {
  return value.split(",").map((part) => integer(flag, part.trim(), min, max));
}

/** A comma-separated list whose items must each be one of `allowed` (`--servers ours,reference`). */
export function choices<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const names = value.split(",").map((s) => s.trim());
  const unknown = names.filter((s) => !allowed.includes(s as T));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--${flag}: each must be one of ${allowed.join(", ")}, got ${JSON.stringify(unknown.join(","))}`);
  }
  return names as T[];
}

/**
 * What every bench's entry point does around its rows: `--help`, flags (exit 2 on a bad one), a
 * built server, no server left running after a signal, the machine's load beside the report, and
 * exit 1 when any row failed. Progress goes to stderr, the report to stdout.
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertServerBuilt, buildServer } from "./build.js";
import { ourServerEntry, type ServerUnderTest } from "./servers.js";

export const REPO_ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface BenchEntry<Args> {
  usage: string;
  parse(argv: readonly string[]): Args;
  /** "always" runs scripts/build.mjs (it rebuilds only what is stale); "if-missing" only without server/dist. */
  build(args: Args): "always" | "if-missing";
  /** Runs the rows; `onServer` names the server under test, for the signal handler. */
  run(args: Args, onServer: (server: ServerUnderTest | undefined) => void): Promise<{ report(machine: string): string; failed: boolean }>;
}

async function main<Args>(entry: BenchEntry<Args>, argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(entry.usage);
    return 0;
  }
  let args: Args;
  try {
    args = entry.parse(argv);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${entry.usage}`);
    return 2;
  }
  if (entry.build(args) === "always" || !existsSync(ourServerEntry(REPO_ROOT))) await buildServer(REPO_ROOT);
  assertServerBuilt(REPO_ROOT);

  // A bench stopped by a signal must not leave a server running on the machine; load processes
  // exit by themselves when their IPC channel closes.
  let current: ServerUnderTest | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      current?.killNow();
      process.exit(130);
    });
  }
  const loadBefore = loadavg()[0] ?? 0;
  const outcome = await entry.run(args, (server) => (current = server));
  const machine =
    `machine: ${availableParallelism()} cores, 1-minute load average ${loadBefore.toFixed(1)} before the first run, ` +
    `${(loadavg()[0] ?? 0).toFixed(1)} after the last (the bench's own processes count in it)`;
  console.log(outcome.report(machine));
  return outcome.failed ? 1 : 0;
}

export function runBench<Args>(entry: BenchEntry<Args>): void {
  main(entry, process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}

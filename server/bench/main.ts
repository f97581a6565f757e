/**
 * `pnpm bench`: the figures SPEC asks for, each beside the same load on the y-websocket reference
 * server. Today: cursors. Progress goes to stderr, the report to stdout.
 */
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchArgs, parseArgs, USAGE } from "./args.js";
import { assertServerBuilt, buildServer } from "./build.js";
import { benchCursors, type CursorRow } from "./cursors/figures.js";
import { renderCursorReport } from "./cursors/report.js";
import type { ServerUnderTest } from "./servers.js";

const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (args.build) await buildServer(repoRoot);
  assertServerBuilt(repoRoot);

  // A bench stopped by a signal must not leave a server running on the machine.
  let current: ServerUnderTest | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      current?.killNow();
      process.exit(130);
    });
  }

  const loadBefore = loadavg()[0] ?? 0;
  const rows: CursorRow[] = [];
  for (const editors of args.editorCounts) {
    for (const server of args.servers) {
      const began = performance.now();
      process.stderr.write(`• cursors: N=${editors} against ${server} ... `);
      const row = await benchCursors(
        server,
        repoRoot,
        { editors, observers: args.observers, seconds: args.seconds, warmupSeconds: args.warmupSeconds },
        (s) => (current = s),
      );
      const took = ((performance.now() - began) / 1000).toFixed(1);
      const f = row.result?.figures;
      process.stderr.write(
        row.error !== undefined
          ? `failed after ${took} s\n`
          : `${((f?.seen ?? 0) * 100).toFixed(1)}% seen (${took} s)\n`,
      );
      rows.push(row);
    }
  }
  const machine =
    `machine: ${availableParallelism()} cores, 1-minute load average ${loadBefore.toFixed(1)} before the first run, ` +
    `${(loadavg()[0] ?? 0).toFixed(1)} after the last (the bench's own processes count in it)`;
  console.log(renderCursorReport(rows, { ...args, machine }));
  return rows.some((r) => r.error !== undefined) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);

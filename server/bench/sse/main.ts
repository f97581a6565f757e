/**
 * The SSE fan-out benchmark (issue 5's figures), one row per viewer count, against our server.
 * Progress goes to stderr, the report to stdout.
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertServerBuilt, buildServer } from "../build.js";
import { ourServerEntry, type ServerUnderTest } from "../servers.js";
import { parseArgs, USAGE } from "./args.js";
import { renderSseReport } from "./report.js";
import { runFanOut, type SseRow } from "./run.js";

const repoRoot = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(ourServerEntry(repoRoot))) await buildServer(repoRoot);
  assertServerBuilt(repoRoot);

  // A bench stopped by a signal must not leave a server running; load processes exit by
  // themselves when their IPC channel closes.
  let current: ServerUnderTest | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (current?.pid !== undefined) process.kill(current.pid, "SIGKILL");
      process.exit(130);
    });
  }

  const loadBefore = loadavg()[0] ?? 0;
  const rows: SseRow[] = [];
  for (const viewers of args.viewerCounts) {
    const began = performance.now();
    process.stderr.write(`• sse fan-out: V=${viewers}\n`);
    const row = await runFanOut(
      repoRoot,
      { viewers, editors: args.editors, probes: args.probes, viewerProcesses: args.processes, seconds: args.seconds, warmupSeconds: args.warmupSeconds },
      (s) => (current = s),
      (line) => process.stderr.write(`${line}\n`),
    );
    const took = ((performance.now() - began) / 1000).toFixed(1);
    const f = row.figures;
    process.stderr.write(
      row.error !== undefined
        ? `  failed after ${took} s: ${row.error}\n`
        : `  update p99 ${f?.updateP99?.toFixed(1) ?? "-"} ms, presence p99 ${f?.presenceP99?.toFixed(1) ?? "-"} ms (${took} s)\n`,
    );
    rows.push(row);
  }
  const machine =
    `machine: ${availableParallelism()} cores, 1-minute load average ${loadBefore.toFixed(1)} before the first run, ` +
    `${(loadavg()[0] ?? 0).toFixed(1)} after the last (the bench's own load processes included)`;
  console.log(renderSseReport(rows, { ...args, machine }));
  return rows.some((r) => r.error !== undefined) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);

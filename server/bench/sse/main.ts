/**
 * The SSE fan-out benchmark (issue 5's figures), one row per viewer count, against our server.
 */
import { REPO_ROOT, runBench } from "../bench-main.js";
import { parseArgs, USAGE } from "./args.js";
import { renderSseReport } from "./report.js";
import { runFanOut, type SseRow } from "./run.js";

runBench({
  usage: USAGE,
  parse: parseArgs,
  build: () => "if-missing",
  async run(args, onServer) {
    const rows: SseRow[] = [];
    for (const viewers of args.viewerCounts) {
      const began = performance.now();
      process.stderr.write(`• sse fan-out: V=${viewers}\n`);
      const row = await runFanOut(
        REPO_ROOT,
        { viewers, editors: args.editors, probes: args.probes, viewerProcesses: args.processes, seconds: args.seconds, warmupSeconds: args.warmupSeconds },
        onServer,
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
    return { report: (machine) => renderSseReport(rows, { ...args, machine }), failed: rows.some((r) => r.error !== undefined) };
  },
});

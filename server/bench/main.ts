/**
 * `pnpm bench:cursors`: N editors moving cursors on one board, each count against our server and
 * the y-websocket reference server in the same run.
 */
import { parseArgs, USAGE } from "./args.js";
import { REPO_ROOT, runBench } from "./bench-main.js";
import { benchCursors, type CursorRow } from "./cursors/figures.js";
import { renderCursorReport } from "./cursors/report.js";

runBench({
  usage: USAGE,
  parse: parseArgs,
  build: (args) => (args.build ? "always" : "if-missing"),
  async run(args, onServer) {
    const rows: CursorRow[] = [];
    for (const editors of args.editorCounts) {
      for (const server of args.servers) {
        const began = performance.now();
        process.stderr.write(`• cursors: N=${editors} against ${server} ... `);
        const row = await benchCursors(
          server,
          REPO_ROOT,
          { editors, observers: args.observers, seconds: args.seconds, warmupSeconds: args.warmupSeconds },
          onServer,
        );
        const took = ((performance.now() - began) / 1000).toFixed(1);
        const f = row.result?.figures;
        process.stderr.write(
          row.error !== undefined ? `failed after ${took} s\n` : `${((f?.seen ?? 0) * 100).toFixed(1)}% seen (${took} s)\n`,
        );
        rows.push(row);
      }
    }
    return { report: (machine) => renderCursorReport(rows, { ...args, machine }), failed: rows.some((r) => r.error !== undefined) };
  },
});

/**
 * `pnpm bench:big`: big boards stay live while people draw. Each board size is built once and
 * put on a fresh server of each kind; the empty board runs first, as the baseline.
 */
import { REPO_ROOT, runBench } from "../bench-main.js";
import { parseArgs, USAGE } from "./args.js";
import { renderBigBoardReport } from "./report.js";
import { benchBigBoard, type BigBoardRow } from "./run.js";
import { buildSeed, type Seed } from "./seed.js";
import { benchOpenWhileLive, type OpenWhileLiveResult } from "./open-while-live.js";
import { renderOpenReport } from "./open-report.js";

const MB = 1_000_000;

runBench({
  usage: USAGE,
  parse: parseArgs,
  build: () => "if-missing",
  async run(args, onServer) {
    const rows: BigBoardRow[] = [];
    const seedMb = new Map<number, number>();
    let largest: Seed | undefined;
    for (const strokes of args.strokeCounts) {
      const seed = buildSeed(strokes);
      if (strokes > 0 && strokes >= (largest?.strokes ?? 0)) largest = seed;
      seedMb.set(strokes, seed.bytes / MB);
      if (strokes > 0) {
        process.stderr.write(
          `• big board: ${strokes} strokes, ${seed.points} points, ${(seed.bytes / MB).toFixed(1)} MB in ${seed.chunks.length} updates, built in ${(seed.buildMs / 1000).toFixed(1)} s\n`,
        );
      }
      for (const server of args.servers) {
        const began = performance.now();
        process.stderr.write(`• big board live: ${strokes} strokes against ${server} ... `);
        const row = await benchBigBoard(server, REPO_ROOT, seed, args, onServer);
        const took = ((performance.now() - began) / 1000).toFixed(1);
        process.stderr.write(
          row.error !== undefined ? `failed after ${took} s: ${row.error.split("\n")[0]}\n` : `${((row.pens?.delivered ?? 0) * 100).toFixed(1)}% of points delivered (${took} s)\n`,
        );
        rows.push(row);
      }
    }
    let opening: OpenWhileLiveResult | undefined;
    if (largest && args.servers.includes("ours")) {
      const began = performance.now();
      process.stderr.write(`• opening a stored ${largest.strokes}-stroke board beside a live one (ours) ... `);
      opening = await benchOpenWhileLive(REPO_ROOT, largest, args, onServer);
      const took = ((performance.now() - began) / 1000).toFixed(1);
      process.stderr.write(opening.error !== undefined ? `failed after ${took} s: ${opening.error.split("\n")[0]}\n` : `done (${took} s)\n`);
    }
    return {
      report: (machine) =>
        [renderBigBoardReport(rows, { ...args, seedMb, machine }), ...(opening ? ["", renderOpenReport(opening, args)] : [])].join("\n"),
      failed: rows.some((r) => r.error !== undefined) || opening?.error !== undefined,
    };
  },
});

/**
 * `pnpm bench channels`: what each channel costs, measured, and the counter-examples of choosing
 * the wrong one. The report goes to stdout; unless --no-write, its tables, findings and chart
 * also replace the generated part of docs/channels.md and docs/channels.svg.
 */
import { REPO_ROOT, runBench } from "../bench-main.js";
import { parseArgs, USAGE, type ChannelsArgs } from "./args.js";
import { runSections, type ChannelsOutcome } from "./sections.js";
import { renderReport, writeDocs } from "./docs.js";

runBench<ChannelsArgs>({
  usage: USAGE,
  parse: parseArgs,
  build: (args) => (args.build ? "always" : "if-missing"),
  async run(args, onServer) {
    const began = performance.now();
    const outcome: ChannelsOutcome = await runSections(REPO_ROOT, args, onServer, (line) => process.stderr.write(`${line}\n`));
    const took = (performance.now() - began) / 1000;
    return {
      // The machine line is bench-main's, and reaches the bench only here: the docs are written
      // with the report, once, so that both carry the same line.
      report(machine) {
        const docs = args.write ? writeDocs(REPO_ROOT, outcome, args, machine, took) : undefined;
        return renderReport(outcome, args, machine, took) + (docs === undefined ? "" : `\n\n${docs}`);
      },
      failed: outcome.errors.length > 0,
    };
  },
});

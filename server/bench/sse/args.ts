import { integer, integers, readFlags } from "../flags.js";
import { MAX_VIEWERS } from "./slots.js";

export interface SseBenchArgs {
  viewerCounts: number[];
  seconds: number;
  warmupSeconds: number;
  editors: number;
  probes: number;
  processes: number;
}

export const USAGE = `usage: tsx bench/sse/main.ts [--viewers 1000,5000,10000] [--seconds 10] [--warmup 2]
                           [--editors 20] [--probes 30] [--processes 4]

SSE fan-out benchmark: one board on our server, editors moving cursors at 30 Hz and finishing
3 strokes a second each, V viewers holding /api/view/:viewId/events. A few probe viewers parse
every event and time update and presence events; the rest read and count bytes.
  --viewers    viewer counts, one fresh server per count (each 1..${MAX_VIEWERS})
  --seconds    measurement window per run (1..120)
  --warmup     seconds of load before the window opens (0..30)
  --editors    editors on the board (1..100)
  --probes     probe viewers among the V, spread over the connection order (1..200)
  --processes  load processes the viewers are split over (1..16)
The server is built first (node scripts/build.mjs) only when server/dist is missing.`;

const DEFAULTS: SseBenchArgs = {
  viewerCounts: [1000, 5000, 10000],
  seconds: 10,
  warmupSeconds: 2,
  editors: 20,
  probes: 30,
  processes: 4,
};

/** Returns the parsed flags, or throws an error naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): SseBenchArgs {
  const { values } = readFlags(argv, ["viewers", "seconds", "warmup", "editors", "probes", "processes"]);
  const args: SseBenchArgs = { ...DEFAULTS };
  if (values.viewers !== undefined) args.viewerCounts = integers("viewers", values.viewers, 1, MAX_VIEWERS);
  if (values.seconds !== undefined) args.seconds = integer("seconds", values.seconds, 1, 120);
  if (values.warmup !== undefined) args.warmupSeconds = integer("warmup", values.warmup, 0, 30);
  if (values.editors !== undefined) args.editors = integer("editors", values.editors, 1, 100);
  if (values.probes !== undefined) args.probes = integer("probes", values.probes, 1, 200);
  if (values.processes !== undefined) args.processes = integer("processes", values.processes, 1, 16);
  return args;
}

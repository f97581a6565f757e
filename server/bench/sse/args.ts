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

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${flag}: must be an integer from ${min} to ${max}, got ${JSON.stringify(value ?? "")}`);
  }
  return n;
}

/** Returns the parsed flags, or throws an error naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): SseBenchArgs {
  const args: SseBenchArgs = { ...DEFAULTS };
  // `pnpm bench -- --viewers 200` passes the separator through; it means nothing here.
  const rest = argv.filter((a) => a !== "--");
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case "--viewers":
        args.viewerCounts = (value() ?? "").split(",").map((part) => integer(flag, part.trim(), 1, MAX_VIEWERS));
        break;
      case "--seconds":
        args.seconds = integer(flag, value(), 1, 120);
        break;
      case "--warmup":
        args.warmupSeconds = integer(flag, value(), 0, 30);
        break;
      case "--editors":
        args.editors = integer(flag, value(), 1, 100);
        break;
      case "--probes":
        args.probes = integer(flag, value(), 1, 200);
        break;
      case "--processes":
        args.processes = integer(flag, value(), 1, 16);
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return args;
}

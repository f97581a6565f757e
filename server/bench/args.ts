import { choices, integer, integers, readFlags } from "./flags.js";
import { SERVER_KINDS, type ServerKind } from "./servers.js";

export interface BenchArgs {
  editorCounts: number[];
  seconds: number;
  warmupSeconds: number;
  observers: number;
  servers: ServerKind[];
  build: boolean;
}

export const USAGE = `usage: pnpm bench [--n 50,200,500] [--seconds 10] [--warmup 2] [--observers 3]
                  [--servers ours,reference] [--no-build]

Cursor benchmark: N editors on one board each move a cursor at 30 Hz; a few observers time
every state they receive. Runs against our server and the y-websocket@2 reference server.
  --n          editor counts, one run per count and server (each 1..2000)
  --seconds    measurement window per run (1..120)
  --warmup     seconds of load before the window opens (0..30)
  --observers  observer clients (1..20)
  --servers    which servers, in order
  --no-build   bench server/dist as it is, without running scripts/build.mjs first`;

const DEFAULTS: BenchArgs = {
  editorCounts: [50, 200, 500],
  seconds: 10,
  warmupSeconds: 2,
  observers: 3,
  servers: [...SERVER_KINDS],
  build: true,
};

/** Returns the parsed flags, or throws an error naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const { values, switches } = readFlags(argv, ["n", "seconds", "warmup", "observers", "servers"], ["no-build"]);
  const args: BenchArgs = { ...DEFAULTS, build: !switches.has("no-build") };
  if (values.n !== undefined) args.editorCounts = integers("n", values.n, 1, 2000);
  if (values.seconds !== undefined) args.seconds = integer("seconds", values.seconds, 1, 120);
  if (values.warmup !== undefined) args.warmupSeconds = integer("warmup", values.warmup, 0, 30);
  if (values.observers !== undefined) args.observers = integer("observers", values.observers, 1, 20);
  if (values.servers !== undefined) args.servers = choices("servers", values.servers, SERVER_KINDS);
  return args;
}

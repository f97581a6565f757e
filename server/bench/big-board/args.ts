import { choices, integer, integers, readFlags } from "../flags.js";
import { SERVER_KINDS, type ServerKind } from "../servers.js";

export interface BigBoardArgs {
  /** Board sizes in strokes; 0 (the empty board every size is read against) always comes first. */
  strokeCounts: number[];
  seconds: number;
  warmupSeconds: number;
  pens: number;
  cursors: number;
  observers: number;
  servers: ServerKind[];
}

export const USAGE = `usage: tsx bench/big-board/main.ts [--strokes 10000,50000] [--seconds 10] [--warmup 2]
                                 [--pens 10] [--cursors 50] [--observers 3] [--servers ours,reference]

Big board live: a board seeded with S handwriting strokes (about 100 points each), then P pens
each adding a point to its own stroke at 60 Hz (one update per point) and C cursors moving at
30 Hz; observers time pen points and cursor states, and the server's event-loop delay is read
over the window. The same load runs on an empty board, and against the y-websocket reference.
  --strokes    board sizes (each 0..100000); the empty board is added when not given
  --seconds    measurement window per run (1..120)
  --warmup     seconds of load before the window opens (0..30)
  --pens       pens drawing (1..50)
  --cursors    editors moving cursors (0..500)
  --observers  observer clients (1..20)
  --servers    which servers, in order
Quick: --strokes 2000 --seconds 3. The server is built first only when server/dist is missing.`;

const DEFAULTS: BigBoardArgs = {
  strokeCounts: [0, 10_000, 50_000],
  seconds: 10,
  warmupSeconds: 2,
  pens: 10,
  cursors: 50,
  observers: 3,
  servers: [...SERVER_KINDS],
};

/** Returns the parsed flags, or throws an error naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): BigBoardArgs {
  const { values } = readFlags(argv, ["strokes", "seconds", "warmup", "pens", "cursors", "observers", "servers"]);
  const args: BigBoardArgs = { ...DEFAULTS };
  if (values.strokes !== undefined) {
    const sizes = integers("strokes", values.strokes, 0, 100_000);
    args.strokeCounts = [0, ...sizes.filter((s) => s !== 0)];
  }
  if (values.seconds !== undefined) args.seconds = integer("seconds", values.seconds, 1, 120);
  if (values.warmup !== undefined) args.warmupSeconds = integer("warmup", values.warmup, 0, 30);
  if (values.pens !== undefined) args.pens = integer("pens", values.pens, 1, 50);
  if (values.cursors !== undefined) args.cursors = integer("cursors", values.cursors, 0, 500);
  if (values.observers !== undefined) args.observers = integer("observers", values.observers, 1, 20);
  if (values.servers !== undefined) args.servers = choices("servers", values.servers, SERVER_KINDS);
  return args;
}

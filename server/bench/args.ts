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

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${flag}: must be an integer from ${min} to ${max}, got ${JSON.stringify(value ?? "")}`);
  }
  return n;
}

/** Returns the parsed flags, or an error message naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULTS };
  // `pnpm bench -- --n 50` passes the separator through; it means nothing here.
  const rest = argv.filter((a) => a !== "--");
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case "--n": {
        const raw = value();
        args.editorCounts = (raw ?? "").split(",").map((part) => integer("--n", part.trim(), 1, 2000));
        break;
      }
      case "--seconds":
        args.seconds = integer(flag, value(), 1, 120);
        break;
      case "--warmup":
        args.warmupSeconds = integer(flag, value(), 0, 30);
        break;
      case "--observers":
        args.observers = integer(flag, value(), 1, 20);
        break;
      case "--servers": {
        const names = (value() ?? "").split(",").map((s) => s.trim());
        const unknown = names.filter((s) => !SERVER_KINDS.includes(s as ServerKind));
        if (unknown.length > 0 || names.length === 0) {
          throw new Error(`--servers: each must be one of ${SERVER_KINDS.join(", ")}, got ${JSON.stringify(unknown.join(","))}`);
        }
        args.servers = names as ServerKind[];
        break;
      }
      case "--no-build":
        args.build = false;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return args;
}

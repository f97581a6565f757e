import { choices, integer, integers, readFlags } from "../flags.js";
import { MAX_POLLERS } from "./client-fleet.js";

export const SECTIONS = ["idle", "change", "reconnect", "observers", "polling"] as const;
export type Section = (typeof SECTIONS)[number];

export interface ChannelsArgs {
  sections: Section[];
  idleSeconds: number;
  clientCounts: number[];
  changes: number;
  changeGapMs: number;
  pollRounds: number;
  probes: number;
  dropSeconds: number;
  observers: number;
  observerSeconds: number;
  pollers: number;
  pollIntervalsSeconds: number[];
  pollWindowSeconds: number;
  write: boolean;
  build: boolean;
}

export const USAGE = `usage: pnpm bench channels [--sections ${SECTIONS.join(",")}] [--idle-seconds 60]
                         [--clients 1,100,1000] [--changes 12] [--change-gap-ms 250] [--poll-rounds 5]
                         [--probes 20] [--drop-seconds 10] [--observers 1000] [--observer-seconds 8]
                         [--pollers 100] [--poll-intervals 1,60] [--poll-window 15] [--no-write] [--no-build]

What each of SPEC's three channels costs (editors' WebSocket, viewers' SSE, the list's polling),
measured on our server from the client sockets (the kernel's tcp_info, read with ss): bytes and
packets of an idle minute; one change reaching N clients (server CPU, bytes, latency, memory per
connection); reconnecting after a drop; 1,000 observers over WebSockets against SSE (and against
the y-websocket reference server); polling the list every second against every minute.
  --sections          which measurements, in this order (the idle minute runs beside the polling rows when both are chosen)
  --idle-seconds      the idle window: one client of each channel at once (5..600)
  --clients           client counts of the change runs, one fresh server per channel and count (1..1000)
  --changes           strokes per change run (2..100); each has --change-gap-ms (100..2000) to arrive, then as long idle
  --poll-rounds       rounds of polls per change run of the pollers, with and without a change (1..20)
  --probes            WebSocket and SSE clients among the N that time every change (1..100)
  --drop-seconds      how long a client is cut off before it reconnects (1..60)
  --observers         observers in the WebSocket-against-SSE rows (1..2000)
  --observer-seconds  measurement window of those rows (1..60), after 2 s of warm-up
  --pollers           pollers in the 1 s against 60 s rows (1..${MAX_POLLERS})
  --poll-intervals    polling intervals compared, seconds (1..300)
  --poll-window       shortest window of those rows, seconds (5..300); each lasts an interval + 3 s at least
  --no-write          print the report only; leave docs/channels.md and docs/channels.svg as they are
  --no-build          bench server/dist as it is, without running scripts/build.mjs first
Quick: --idle-seconds 10 --clients 1,100 --observers 200 --observer-seconds 3 --pollers 20 --poll-intervals 1,10 --no-write`;

const DEFAULTS: ChannelsArgs = {
  sections: [...SECTIONS],
  idleSeconds: 60,
  clientCounts: [1, 100, 1000],
  changes: 12,
  changeGapMs: 250,
  pollRounds: 5,
  probes: 20,
  dropSeconds: 10,
  observers: 1000,
  observerSeconds: 8,
  pollers: 100,
  pollIntervalsSeconds: [1, 60],
  pollWindowSeconds: 15,
  write: true,
  build: true,
};

/** Returns the parsed flags, or throws an error naming the flag. `--help` is the caller's. */
export function parseArgs(argv: readonly string[]): ChannelsArgs {
  const { values, switches } = readFlags(
    argv,
    [
      "sections",
      "idle-seconds",
      "clients",
      "changes",
      "change-gap-ms",
      "poll-rounds",
      "probes",
      "drop-seconds",
      "observers",
      "observer-seconds",
      "pollers",
      "poll-intervals",
      "poll-window",
    ],
    ["no-write", "no-build"],
  );
  const args: ChannelsArgs = { ...DEFAULTS, write: !switches.has("no-write"), build: !switches.has("no-build") };
  if (values.sections !== undefined) args.sections = choices("sections", values.sections, SECTIONS);
  if (values["idle-seconds"] !== undefined) args.idleSeconds = integer("idle-seconds", values["idle-seconds"], 5, 600);
  if (values.clients !== undefined) args.clientCounts = integers("clients", values.clients, 1, 1000);
  if (values.changes !== undefined) args.changes = integer("changes", values.changes, 2, 100);
  if (values["change-gap-ms"] !== undefined) args.changeGapMs = integer("change-gap-ms", values["change-gap-ms"], 100, 2000);
  if (values["poll-rounds"] !== undefined) args.pollRounds = integer("poll-rounds", values["poll-rounds"], 1, 20);
  if (values.probes !== undefined) args.probes = integer("probes", values.probes, 1, 100);
  if (values["drop-seconds"] !== undefined) args.dropSeconds = integer("drop-seconds", values["drop-seconds"], 1, 60);
  if (values.observers !== undefined) args.observers = integer("observers", values.observers, 1, 2000);
  if (values["observer-seconds"] !== undefined) args.observerSeconds = integer("observer-seconds", values["observer-seconds"], 1, 60);
  if (values.pollers !== undefined) args.pollers = integer("pollers", values.pollers, 1, MAX_POLLERS);
  if (values["poll-intervals"] !== undefined) args.pollIntervalsSeconds = integers("poll-intervals", values["poll-intervals"], 1, 300);
  if (values["poll-window"] !== undefined) args.pollWindowSeconds = integer("poll-window", values["poll-window"], 5, 300);
  return args;
}

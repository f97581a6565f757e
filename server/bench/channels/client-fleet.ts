/**
 * The coordinator's side of the client processes: N clients of one channel split over a few
 * forked processes (client-process.ts), connected, scheduled, finished and always killed.
 */
import { fileURLToPath } from "node:url";
import { LoadProcess } from "../load-process.js";
import { concatenate } from "../cursors/stats.js";
import type { ViewerSlot } from "../sse/messages.js";
import { planSlots } from "../sse/slots.js";
import type { ChannelKind, ClientsResult, ClientsSchedule, FromClients, ToClients } from "./client-messages.js";

/**
 * The server allows 600 `/api/` requests a minute per client address (the event stream is not
 * counted, the library is): a poller polling every second makes 60, plus its join and first
 * poll. Five pollers share an address, each block from 127.0.0.2 upwards, all this machine's
 * loopback; 1,000 pollers take 200 addresses.
 */
const POLLERS_PER_ADDRESS = 5;
const FIRST_POLLER_OCTET = 2;
const LAST_OCTET = 254;
export const MAX_POLLERS = (LAST_OCTET - FIRST_POLLER_OCTET + 1) * POLLERS_PER_ADDRESS;
/** Handshakes (or joins) in flight per process: a trickle of arrivals, not a SYN flood. */
const CONNECT_CONCURRENCY = 16;
const CONNECT_TIMEOUT_MS = 15_000;
const REPORT_TIMEOUT_MS = 20_000;
/** Clients per process: past this a second process shares the load. */
const CLIENTS_PER_PROCESS = 500;

export interface FleetTarget {
  kind: ChannelKind;
  host: string;
  port: number;
  path: string;
  invite?: string;
  /** WebSocket clients announce and renew an awareness state (observers). */
  awareness?: boolean;
}

export interface Fleet {
  readonly pids: ReadonlyArray<number | undefined>;
  ready: number;
  failed: number;
  errors: Record<string, number>;
  /** Strokes the probes received, or polls answered, so far (from the processes' progress). */
  received(): number;
  schedule(command: Omit<ClientsSchedule, "type">): void;
  finish(): Promise<ClientsResult>;
  kill(): void;
}

function slotsFor(kind: ChannelKind, count: number, probes: number, processes: number): ViewerSlot[][] {
  const groups = planSlots(count, kind === "polling" ? 0 : probes, processes);
  if (kind !== "polling") return groups;
  if (count > MAX_POLLERS) throw new Error(`at most ${MAX_POLLERS} pollers (source addresses)`);
  return groups.map((slots) =>
    slots.map((slot) => ({ ...slot, localAddress: `127.0.0.${FIRST_POLLER_OCTET + Math.floor(slot.index / POLLERS_PER_ADDRESS)}` })),
  );
}

/** Forks the processes, opens `count` clients (`probes` of them probes) and resolves once all have tried. */
export async function openFleet(target: FleetTarget, count: number, probes: number, rampTimeoutMs: number): Promise<Fleet> {
  const module = fileURLToPath(new URL("./client-process.ts", import.meta.url));
  const groups = slotsFor(target.kind, count, probes, Math.max(1, Math.ceil(count / CLIENTS_PER_PROCESS)));
  const procs = groups.map((_, i) => new LoadProcess<ToClients, FromClients>(`${target.kind} client process ${i + 1}`, module));
  const kill = (): void => procs.forEach((p) => p.kill());
  try {
    procs.forEach((proc, i) =>
      proc.send({
        type: "connect",
        kind: target.kind,
        host: target.host,
        port: target.port,
        path: target.path,
        invite: target.invite,
        slots: groups[i] ?? [],
        concurrency: CONNECT_CONCURRENCY,
        timeoutMs: CONNECT_TIMEOUT_MS,
        awareness: target.awareness ?? false,
      }),
    );
    const connected = await Promise.all(procs.map((p) => p.next("connected", rampTimeoutMs)));
    const errors: Record<string, number> = {};
    for (const c of connected) for (const [kind, n] of Object.entries(c.errors)) errors[kind] = (errors[kind] ?? 0) + n;
    return {
      pids: procs.map((p) => p.pid),
      ready: connected.reduce((n, c) => n + c.ready, 0),
      failed: connected.reduce((n, c) => n + c.failed, 0),
      errors,
      received: () => procs.reduce((n, p) => n + (p.progress?.received ?? 0), 0),
      schedule: (command) => procs.forEach((p) => p.send({ type: "schedule", ...command })),
      async finish() {
        procs.forEach((p) => p.send({ type: "finish" }));
        const results = (await Promise.all(procs.map((p) => p.next("result", REPORT_TIMEOUT_MS)))).map((r) => r.result);
        const sum = (pick: (r: ClientsResult) => number): number => results.reduce((n, r) => n + pick(r), 0);
        const delays = results.map((r) => r.loopDelayP99Ms).filter((d): d is number => d !== undefined);
        return {
          role: "clients",
          latencies: concatenate(results.map((r) => r.latencies)),
          receipts: concatenate(results.map((r) => r.receipts)),
          polls: concatenate(results.map((r) => r.polls)),
          pollsSkipped: sum((r) => r.pollsSkipped),
          reconnectedPollers: sum((r) => r.reconnectedPollers),
          closedEarly: sum((r) => r.closedEarly),
          loopDelayP99Ms: delays.length > 0 ? Math.max(...delays) : undefined,
        };
      },
      kill,
    };
  } catch (err) {
    kill();
    throw err;
  }
}

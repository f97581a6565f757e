/**
 * What the coordinator and a client process (client-process.ts) say over the fork IPC channel
 * (`serialization: "advanced"`). Times are absolute, on the clock every process shares
 * (cursors/clock.ts).
 */
import type { ViewerSlot } from "../sse/messages.js";

/** The three channels of SPEC: editors' WebSocket, viewers' event stream, the list's polling. */
export type ChannelKind = "websocket" | "sse" | "polling";
export const CHANNEL_KINDS: readonly ChannelKind[] = ["websocket", "sse", "polling"];

export interface ClientsConnect {
  type: "connect";
  kind: ChannelKind;
  host: string;
  port: number;
  /** websocket: the path of the board's (or the reference room's) URL; sse: the events path. */
  path: string;
  /** polling: the shared library's invite, which makes each poller a member that sees the board. */
  invite: string | undefined;
  /** In the run's order; probes (websocket, sse) time every change, the rest only read. */
  slots: ViewerSlot[];
  concurrency: number;
  timeoutMs: number;
  /**
   * websocket: each client announces an awareness state and renews it as y-protocols does, as a
   * stock provider would for an observer who never draws.
   */
  awareness: boolean;
}

/**
 * Polls, for pollers: poller `index` (of `of` in the run) polls at
 * `from + (index + 0.5) / of * intervalMs`, then every `intervalMs`, while before `to`: phases
 * evenly staggered over one interval, as independent browsers' are.
 */
export interface PollPlan {
  from: number;
  to: number;
  intervalMs: number;
  of: number;
}

export interface ClientsSchedule {
  type: "schedule";
  /** SSE probes time strokes sent in this window. */
  windowStart: number;
  windowEnd: number;
  polls: PollPlan | undefined;
}

export interface Finish {
  type: "finish";
}

export type ToClients = ClientsConnect | ClientsSchedule | Finish;

export interface ClientsConnected {
  type: "connected";
  ready: number;
  failed: number;
  /** Failures by kind (`ECONNRESET`, `HTTP 429`, ...) with counts. */
  errors: Record<string, number>;
}

export interface ClientsProgress {
  type: "progress";
  /** Strokes the probes received (websocket, sse), or polls answered (polling). */
  received: number;
}

export interface ClientsResult {
  role: "clients";
  /** SSE probes: receive minus send time, ms, of each stroke sent in the window, once per probe. */
  latencies: Float64Array;
  /** WebSocket probes: flat [client, clock, receivedAt] of each update (cursors/update-receipts.ts). */
  receipts: Float64Array;
  /** Pollers: flat [index, startedAt, endedAt, status] of each poll answered. */
  polls: Float64Array;
  /** Polls not sent because the poller's previous one was still unanswered. */
  pollsSkipped: number;
  /** Pollers that had to open another connection (the server closed an idle one). */
  reconnectedPollers: number;
  /** Connections the server (or the network) ended before the finish. */
  closedEarly: number;
  /** p99 of this process's event-loop delay while it ran: how late its receive times may be. */
  loopDelayP99Ms: number | undefined;
}

export interface PollRecord {
  index: number;
  startedAt: number;
  endedAt: number;
  status: number;
}

/** A result's polls, one record each: they cross the IPC channel flat, as one typed array. */
export function pollRecords(polls: Float64Array): PollRecord[] {
  const out: PollRecord[] = [];
  for (let i = 0; i + 3 < polls.length; i += 4) {
    out.push({ index: polls[i] as number, startedAt: polls[i + 1] as number, endedAt: polls[i + 2] as number, status: polls[i + 3] as number });
  }
  return out;
}

export interface ClientsResultReport {
  type: "result";
  result: ClientsResult;
}

export interface FailureReport {
  type: "failure";
  message: string;
}

export type FromClients = ClientsConnected | ClientsProgress | ClientsResultReport | FailureReport;

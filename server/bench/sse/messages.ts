/**
 * What the coordinator and its load processes (editors, viewers) say over the fork IPC channel
 * (`serialization: "advanced"`, so typed arrays cross as they are). Times are absolute, on the
 * clock every process shares (cursors/clock.ts).
 */
import type { EditorIdentity } from "../cursors/messages.js";

export interface EditorsConnect {
  type: "connect";
  wsUrl: string;
  editors: EditorIdentity[];
  timeoutMs: number;
}

/** One viewer connection, numbered in the order the whole run opens them. */
export interface ViewerSlot {
  index: number;
  /** Probes parse every event and time it; the rest only read and count bytes. */
  probe: boolean;
  /** The loopback address the connection comes from (see run.ts for why not always 127.0.0.1). */
  localAddress: string;
}

export interface ViewersConnect {
  type: "connect";
  host: string;
  port: number;
  path: string;
  slots: ViewerSlot[];
  /** Connections this process has in flight at once during the ramp. */
  concurrency: number;
  connectTimeoutMs: number;
  /** No new connection is started after this time: a ramp the machine cannot finish still ends. */
  rampDeadline: number;
}

export interface Schedule {
  type: "schedule";
  sendStart: number;
  windowStart: number;
  windowEnd: number;
}

export interface Finish {
  type: "finish";
}

export type ToEditors = EditorsConnect | Schedule | Finish;
export type ToViewers = ViewersConnect | Schedule | Finish;

export interface Connected {
  type: "connected";
  ready: number;
  /** Probes among `ready`. */
  probes: number;
  failed: number;
  /** The first error by kind (`EMFILE`, `HTTP 429`, ...) with its count, so a limit is named. */
  errors: Record<string, number>;
}

/** Pushed a few times a second: the ramp's progress, and whether events still arrive. */
export interface Progress {
  type: "progress";
  open: number;
  /** Events the probes have parsed so far. */
  events: number;
}

export interface EditorsResult {
  role: "editors";
  strokesInWindow: number;
  cursorsInWindow: number;
  /** Editors the server closed before the end, by close code. */
  closes: Record<string, number>;
}

/** Events of one name received, and the bytes of their `data`. */
export interface EventTally {
  events: number;
  bytes: number;
}

export interface ViewersResult {
  role: "viewers";
  /** Receive minus send time, ms, of each stroke sent in the window, once per probe. */
  updateLatencies: Float64Array;
  /** The same for each distinct cursor position sent in the window. */
  presenceLatencies: Float64Array;
  /** Strokes sent in the window that some probe received, summed over probes. */
  strokesReceived: number;
  probes: number;
  bulk: number;
  /** Bytes received in the window (HTTP framing included), each kind summed. */
  probeBytes: number;
  bulkBytes: number;
  /** Connections the server ended before we did, whatever the reason. */
  closedEarly: number;
  /** What the probes received in the window by event name, summed over probes. */
  probeTally: Record<string, EventTally>;
  undecodable: number;
  /** p99 of this process's event-loop delay in the window: how late a receive time may be. */
  loopDelayP99Ms: number | undefined;
}

export interface ResultReport {
  type: "result";
  result: EditorsResult | ViewersResult;
}

export interface FailureReport {
  type: "failure";
  message: string;
}

export type FromLoad = Connected | Progress | ResultReport | FailureReport;

/**
 * What the coordinator and its load processes say to each other over the fork IPC channel
 * (`serialization: "advanced"`, so typed arrays and maps cross as they are).
 */

export interface EditorIdentity {
  clientId: number;
  name: string;
  color: string;
}

export type LoadRole = "editors" | "observers";

export interface ConnectCommand {
  type: "connect";
  role: LoadRole;
  url: string;
  /** Editors: one identity per socket. Observers: identities are unused, only the count. */
  clients: EditorIdentity[];
  concurrency: number;
  timeoutMs: number;
  /**
   * The state vector each socket syncs from (sync step 1). Absent: an empty doc, a first visit,
   * which a big board answers with all of itself.
   */
  stateVector?: Uint8Array;
}

/** Absolute times on the shared clock (see clock.ts). */
export interface ScheduleCommand {
  type: "schedule";
  sendStart: number;
  windowStart: number;
  windowEnd: number;
  intervalMs: number;
}

export interface FinishCommand {
  type: "finish";
}

export type ToLoad = ConnectCommand | ScheduleCommand | FinishCommand;

export interface ConnectedReport {
  type: "connected";
  ready: number;
  failed: number;
  firstError: string | undefined;
}

/** Observers push this a few times a second so the coordinator can tell when delivery stops. */
export interface ProgressReport {
  type: "progress";
  /** New states and document updates received so far, whenever they were sent. */
  received: number;
}

export interface EditorResult {
  role: "editors";
  /** Per editor that sent in the window: [clientId, first clock in window, last clock in window]. */
  ranges: Array<[number, number, number]>;
  sentInWindow: number;
  bytesInWindow: number;
  /** Close codes of sockets the server (or the network) closed before the end, with counts. */
  closes: Record<string, number>;
}

export interface ObserverResult {
  role: "observers";
  /** Receive time minus send time, ms, of every distinct state sent in the window and received. */
  latencies: Float64Array;
  /** Per observer: client id -> highest clock received among states sent in the window. */
  maxClocks: Array<Map<number, number>>;
  bytesInWindow: number;
  closes: Record<string, number>;
  /** Messages that could not be decoded: a protocol mismatch, worth a note, never a crash. */
  undecodable: number;
  /** p99 of the observer process's event-loop delay in the window: how late receive times may be. */
  loopDelayP99Ms: number | undefined;
  /**
   * Document updates received, every observer's, each once per observer: flat [client, clock,
   * receivedAt] triples (see update-receipts.ts). Empty in the cursor bench, where nobody draws.
   */
  updateReceipts: Float64Array;
}

export interface ResultReport {
  type: "result";
  result: EditorResult | ObserverResult;
}

export interface FailureReport {
  type: "failure";
  message: string;
}

export type FromLoad = ConnectedReport | ProgressReport | ResultReport | FailureReport;

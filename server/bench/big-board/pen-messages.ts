/**
 * What the coordinator and the pen process say over the fork IPC channel (`serialization:
 * "advanced"`, so typed arrays cross as they are). Times are absolute, on the clock every process
 * shares (cursors/clock.ts); the schedule is the SSE bench's.
 */
import type { EditorIdentity } from "../cursors/messages.js";
import type { Finish, Schedule } from "../sse/messages.js";

export interface PensConnect {
  type: "connect";
  url: string;
  pens: EditorIdentity[];
  /** What each pen syncs from; absent: an empty doc. */
  stateVector?: Uint8Array;
  /** The side of the board's square: pens draw somewhere on it. */
  boardSide: number;
  timeoutMs: number;
}

export type ToPens = PensConnect | Schedule | Finish;

export interface PensConnected {
  type: "connected";
  ready: number;
  failed: number;
  firstError: string | undefined;
}

export interface PensResult {
  role: "pens";
  /** Flat [client, clock, sentAt] of every point sent in the window: the id its update starts with. */
  sends: Float64Array;
  strokes: number;
  /** Pens the server closed before the end, by close code. */
  closes: Record<string, number>;
}

export interface PensResultReport {
  type: "result";
  result: PensResult;
}

export interface PensFailure {
  type: "failure";
  message: string;
}

export type FromPens = PensConnected | PensResultReport | PensFailure;

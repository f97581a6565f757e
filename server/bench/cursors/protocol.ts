/**
 * The few y-websocket messages a cursor load needs, encoded with lib0 byte for byte as
 * y-protocols does, without a Y.Doc or an Awareness instance: 500 of those in one process would
 * make the load generator, not the server, the bottleneck.
 *
 *   message         := varUint(messageType) • payload
 *   syncStep1(sv)   := varUint(0) • varUint(0) • varUint8Array(sv)
 *   syncStep2(upd)  := varUint(0) • varUint(1) • varUint8Array(upd)
 *   update(upd)     := varUint(0) • varUint(2) • varUint8Array(upd)
 *   awareness(e*)   := varUint(1) • varUint8Array(varUint(count) • e*)
 *   e               := varUint(clientID) • varUint(clock) • varString(JSON state | "null")
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** What an editor's cursor looks like to others (SPEC's awareness state) plus its send time. */
export interface CursorState {
  user: { name: string; color: string };
  cursor: { x: number; y: number };
  /** Send time, `performance.timeOrigin + performance.now()` of the sender, in ms. */
  t: number;
}

/** An empty doc's state vector is one varUint: zero clients. */
const EMPTY_STATE_VECTOR = Uint8Array.of(0);
/** An empty doc's update: zero structs, then an empty delete set. */
const EMPTY_UPDATE = Uint8Array.of(0, 0);

/**
 * A client's first message. With an empty state vector (a first visit) the server answers with
 * the whole board; with the board's own (an editor whose offline copy has it) with next to nothing.
 */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeEmptySyncStep1(): Uint8Array {
  return encodeSyncStep1(EMPTY_STATE_VECTOR);
}

/** A load socket's first message for a connect command's optional state vector. */
export function syncStep1For(stateVector: Uint8Array | undefined): Uint8Array {
  return encodeSyncStep1(stateVector ?? EMPTY_STATE_VECTOR);
}

/** The reply a stock provider gives to the server's step 1; with an empty doc it carries nothing. */
export function encodeEmptySyncStep2(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP_2);
  encoding.writeVarUint8Array(encoder, EMPTY_UPDATE);
  return encoding.toUint8Array(encoder);
}

/** Both leading varUints are below 128, so each is one byte: no decoder needed to tell. */
export function isSyncStep1(message: Uint8Array): boolean {
  return message.length >= 2 && message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP_1;
}

export function isSyncStep2(message: Uint8Array): boolean {
  return message.length >= 2 && message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP_2;
}

/** A document update the server forwards from another client (what pens send). */
export function isSyncUpdate(message: Uint8Array): boolean {
  return message.length >= 2 && message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE;
}

/** One client's own state only, as our client sends (DESIGN: never echo others' states). */
export function encodeAwareness(clientId: number, clock: number, state: CursorState): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/**
 * Calls `visit` for each entry of an awareness message, with the state still as JSON text so the
 * caller can skip parsing entries it has already seen. Returns false for any other message type.
 * Throws on a truncated message (lib0 reads past the end).
 */
export function forEachAwarenessEntry(
  message: Uint8Array,
  visit: (clientId: number, clock: number, json: string) => void,
): boolean {
  const outer = decoding.createDecoder(message);
  if (decoding.readVarUint(outer) !== MESSAGE_AWARENESS) return false;
  const inner = decoding.createDecoder(decoding.readVarUint8Array(outer));
  const count = decoding.readVarUint(inner);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    visit(clientId, clock, decoding.readVarString(inner));
  }
  return true;
}

/** The send time of a decoded state, or undefined for a removal (`null`) or a foreign shape. */
export function sendTimeOf(json: string): number | undefined {
  const state: unknown = JSON.parse(json);
  if (typeof state !== "object" || state === null || !("t" in state)) return undefined;
  return typeof state.t === "number" ? state.t : undefined;
}

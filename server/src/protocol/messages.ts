import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * The y-websocket wire format (see docs/PROTOCOL.md), as pure functions: decoding yields a value,
 * encoding yields bytes; no socket in sight.
 *
 *   message     := varUint(type) • body
 *   sync        := varUint(0) • (syncStep1 | syncStep2 | update)
 *   syncStep1   := varUint(0) • varByteArray(stateVector)
 *   syncStep2   := varUint(1) • varByteArray(update)
 *   update      := varUint(2) • varByteArray(update)
 *   awareness   := varUint(1) • varByteArray(awarenessUpdate)
 *   auth        := varUint(2) • ...            (not used by this server; refused)
 *   queryAware  := varUint(3)
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: "syncStep1"; stateVector: Uint8Array }
  | { kind: "syncStep2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "queryAwareness" };

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Decodes one client frame. Trailing bytes are an error: a frame holds exactly one message. */
export function decodeClientMessage(frame: Uint8Array): Decoded<ClientMessage> {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC_STEP1) {
          // Decoded here so that a malformed one is refused like any bad frame, not thrown later.
          Y.decodeStateVector(payload);
          message = { kind: "syncStep1", stateVector: payload };
        }
        else if (step === SYNC_STEP2) message = { kind: "syncStep2", update: payload };
        else if (step === SYNC_UPDATE) message = { kind: "update", update: payload };
        else return { ok: false, reason: `unknown sync step ${step}` };
        break;
      }
      case MESSAGE_AWARENESS:
        message = { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: "queryAwareness" };
        break;
      default:
        return { ok: false, reason: `unknown message type ${type}` };
    }
    if (decoding.hasContent(decoder)) return { ok: false, reason: "trailing bytes after the message" };
    return { ok: true, value: message };
  } catch {
    return { ok: false, reason: "truncated message" };
  }
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
}

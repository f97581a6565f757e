import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Decoded } from "./messages.js";

/**
 * One client's awareness entry as it travels:
 *
 *   awarenessUpdate := varUint(count) • (varUint(clientID) • varUint(clock) • varString(stateJSON))*
 *
 * The state stays the JSON text it arrived as: the room relays it and never needs the object,
 * so it is parsed once (to validate) and never re-serialised.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of an object, or `"null"` when the client removed its state. */
  state: string;
}

export const REMOVED_STATE = "null";

export function decodeAwarenessUpdate(update: Uint8Array): Decoded<AwarenessEntry[]> {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      // Every peer parses what the room relays: an invalid state would break their providers.
      const parsed: unknown = JSON.parse(state);
      if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
        return { ok: false, reason: "awareness state must be an object or null" };
      }
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) return { ok: false, reason: "trailing bytes after the awareness update" };
    return { ok: true, value: entries };
  } catch {
    return { ok: false, reason: "malformed awareness update" };
  }
}

export function encodeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, list.length);
  for (const { clientId, clock, state } of list) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

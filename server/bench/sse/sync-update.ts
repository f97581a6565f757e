/**
 * The one y-websocket message an editor needs beyond cursors/protocol.ts's: a document update,
 * byte for byte as y-protocols writes it.
 *
 *   update(upd) := varUint(0) • varUint(2) • varUint8Array(upd)
 */
import * as encoding from "lib0/encoding";
import { MESSAGE_SYNC } from "../cursors/protocol.js";

const SYNC_UPDATE = 2;

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

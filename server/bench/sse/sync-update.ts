/**
 * The one y-websocket message an editor needs beyond cursors/protocol.ts's: a document update,
 * byte for byte as y-protocols writes it.
 *
 *   update(upd) := varUint(0) • varUint(2) • varUint8Array(upd)
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { LoadSocket } from "../cursors/load-socket.js";
import { MESSAGE_SYNC } from "../cursors/protocol.js";

const SYNC_UPDATE = 2;

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * An editor's doc wired to its socket: every local change goes out as an update, as a provider
 * sends it. The doc's client id is the editor's awareness id, one and the same in a real client.
 */
export function docOnSocket(clientId: number, socket: LoadSocket): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.on("update", (update: Uint8Array) => {
    if (socket.isOpen) socket.send(encodeSyncUpdate(update));
  });
  return doc;
}

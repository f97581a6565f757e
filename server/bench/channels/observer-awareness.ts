/**
 * An observer's awareness as a stock provider keeps it, for the WebSocket observers that stand in
 * for viewers: its own state announced once connected, then renewed by y-protocols' own check
 * (every outdatedTimeout / 2 = 15 s) for as long as it is connected, each renewal going out as
 * an awareness message. Nothing received is applied: what it costs the client is not measured.
 */
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { MESSAGE_AWARENESS } from "../cursors/protocol.js";

export function announceAwareness(send: (message: Uint8Array) => void, state: Record<string, unknown>): () => void {
  const awareness = new Awareness(new Y.Doc());
  const own = awareness.clientID;
  let live = true;
  awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (!live || ![...added, ...updated, ...removed].includes(own)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]));
    send(encoding.toUint8Array(encoder));
  });
  awareness.setLocalState(state);
  return () => {
    // The run is over: the socket is being cut, not closed politely, so no farewell state.
    live = false;
    awareness.destroy();
  };
}

import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { decodeAwarenessUpdate, type AwarenessEntry } from "../protocol/awareness.js";
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from "../protocol/messages.js";
import type { Peer } from "../rooms/peer.js";

/**
 * An in-process editor for room tests: applies what the room sends to its own Y.Doc and records
 * the awareness messages, with no socket anywhere.
 */
export class FakePeer implements Peer {
  readonly doc = new Y.Doc();
  readonly awarenessMessages: AwarenessEntry[][] = [];
  readonly stateVectorsReceived: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;

  sendAll(messages: readonly Uint8Array[]): void {
    for (const message of messages) this.send(message);
  }

  send(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) this.stateVectorsReceived.push(payload);
      else if (step === SYNC_STEP2 || step === SYNC_UPDATE) Y.applyUpdate(this.doc, payload, "room");
    } else if (type === MESSAGE_AWARENESS) {
      const decoded = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
      if (!decoded.ok) throw new Error(decoded.reason);
      this.awarenessMessages.push(decoded.value);
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

import { MAX_AWARENESS_STATE_BYTES, WS_CLOSE } from "@whiteboard/shared";
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from "../protocol/awareness.js";
import { decodeClientMessage, encodeAwarenessMessage } from "../protocol/messages.js";
import type { Peer, Rejection } from "./peer.js";
import type { Room } from "./room.js";

/**
 * One editor in a room: turns its y-websocket messages into room calls. The transport hands it
 * frames and closes the connection when `handle` returns a rejection.
 */
export class EditorSession {
  private left = false;

  constructor(
    private readonly room: Room,
    private readonly peer: Peer,
  ) {}

  handle(frame: Uint8Array): Rejection | undefined {
    if (this.left) return undefined;
    const decoded = decodeClientMessage(frame);
    if (!decoded.ok) return { code: WS_CLOSE.invalidData, reason: decoded.reason };
    const message = decoded.value;
    switch (message.kind) {
      case "syncStep1":
        this.room.answerSyncStep1(this, message.stateVector);
        return undefined;
      case "syncStep2":
      case "update":
        return this.room.receiveUpdate(this, message.update);
      case "awareness": {
        const entries = decodeAwarenessUpdate(message.update);
        if (!entries.ok) return { code: WS_CLOSE.invalidData, reason: entries.reason };
        if (entries.value.some((entry) => entry.state.length > MAX_AWARENESS_STATE_BYTES)) {
          return { code: WS_CLOSE.policyViolation, reason: "awareness state too large" };
        }
        this.room.receiveAwareness(this, entries.value);
        return undefined;
      }
      case "queryAwareness": {
        this.peer.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.room.liveAwareness())));
        return undefined;
      }
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  send(message: Uint8Array): void {
    if (!this.left) this.peer.send(message);
  }

  sendAll(messages: readonly Uint8Array[]): void {
    if (!this.left && messages.length > 0) this.peer.sendAll(messages);
  }

  /** Ends the connection; the transport's close handler calls `leave`. */
  close(code: number, reason: string): void {
    this.peer.close(code, reason);
    this.leave();
  }

  leave(): void {
    if (this.left) return;
    this.left = true;
    this.room.detach(this);
  }
}

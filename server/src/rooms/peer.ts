/**
 * The room's whole view of a connection: a way to send it bytes and a way to end it. The
 * WebSocket transport adapts a real socket to this; tests attach plain objects.
 */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Why the room refuses a client's message: the transport closes that connection with `code`. */
export interface Rejection {
  code: number;
  reason: string;
}

/**
 * The room's whole view of a connection: a way to send it bytes and a way to end it. The
 * WebSocket transport adapts a real socket to this; tests attach plain objects.
 */
export interface Peer {
  send(message: Uint8Array): void;
  /**
   * Several messages in order, in as few writes as the transport can: forwarding a batch of
   * updates to every editor is most of what the event loop does under load, and a system call
   * per message per editor is most of that.
   */
  sendAll(messages: readonly Uint8Array[]): void;
  close(code: number, reason: string): void;
}

/** Why the room refuses a client's message: the transport closes that connection with `code`. */
export interface Rejection {
  code: number;
  reason: string;
}

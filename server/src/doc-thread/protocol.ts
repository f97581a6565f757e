/**
 * Messages between a room and the thread holding its board's doc (thread-doc.ts, worker.ts).
 * The first message loads the state; every later one is answered by id, in order.
 */
export type DocRequest =
  | { id: number; kind: "load"; state: Uint8Array }
  | { id: number; kind: "apply"; update: Uint8Array }
  | { id: number; kind: "stateVector" }
  | { id: number; kind: "syncStep2"; stateVector: Uint8Array }
  | { id: number; kind: "snapshotEvent"; eventId: number }
  | { id: number; kind: "whole" };

export type DocResponse =
  | { id: number; ok: true; value: unknown }
  /** `unreadable`: the state given to `load` is not a Yjs update (the board is damaged). */
  | { id: number; ok: false; message: string; unreadable?: boolean };

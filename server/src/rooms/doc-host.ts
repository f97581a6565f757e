import type { ApplyOutcome } from "./board-doc.js";

/**
 * Where a room's document lives, and the only way the room touches it. A small board's doc is
 * on the event loop (`LocalDoc`: every call settles at once); a large board's is in a thread of
 * its own (`ThreadDoc`), so that loading it, encoding it for a newcomer or a viewer, and
 * applying a huge paste never hold back the other boards on the server.
 *
 * Calls are answered in the order they were made: an answer reflects every `apply` called
 * before it. The room relies on that for a newcomer's sync and a viewer's snapshot.
 */
export interface DocHost {
  /** Where the doc is: "event loop" or "own thread" (tests, logs). */
  readonly where: "event loop" | "own thread";
  /** Applies an update that `Y.decodeUpdate` accepted. */
  apply(update: Uint8Array): Promise<ApplyOutcome>;
  stateVector(): Promise<Uint8Array>;
  /** Sync step 2 for a client that sent `stateVector`, as the message bytes to send. */
  syncStep2(stateVector: Uint8Array): Promise<Uint8Array>;
  /** A viewer's `snapshot` event with id `id`, as the bytes to send. */
  snapshotEvent(id: number): Promise<Buffer>;
  /** The whole document as one update (tests, inspection). */
  whole(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Puts a seed on a server the way a client would: an observer's socket (cursors/ws-socket.ts),
 * the chunks as y-websocket updates, then a sync step 1. A server handles one socket's messages
 * in order, so its answer to that step 1 means every chunk before it is in its doc. (The socket's
 * own opening step 1, sent before any chunk, is answered first: the second step 2 is the one.)
 * The connection stays open until `close`, so our server keeps the room loaded while the load
 * connects instead of unloading and reloading the board from disk in between.
 */
import { now } from "../cursors/clock.js";
import { encodeSyncStep1, isSyncStep2 } from "../cursors/protocol.js";
import { openWsSocket } from "../cursors/ws-socket.js";
import { sleep } from "../sleep.js";
import { encodeSyncUpdate } from "../sse/sync-update.js";
import type { Seed } from "./seed.js";

export interface SeedConnection {
  /** From the socket's opening to the server's answer. */
  ms: number;
  close(): void;
}

/** The step 2 that answers the step 1 sent after the chunks. */
const ANSWER_TO_SEED = 2;
const POLL_MS = 20;

export async function seedServer(url: string, seed: Seed, timeoutMs: number): Promise<SeedConnection> {
  const began = now();
  const deadline = began + timeoutMs;
  let answers = 0;
  const socket = await openWsSocket(url, timeoutMs, (data) => {
    if (isSyncStep2(data)) answers++;
  }, now);
  try {
    for (const chunk of seed.chunks) socket.send(encodeSyncUpdate(chunk));
    socket.send(encodeSyncStep1(seed.stateVector));
    while (answers < ANSWER_TO_SEED) {
      if (!socket.isOpen) throw new Error("seeding: the server closed the connection");
      if (now() > deadline) {
        throw new Error(`seeding ${seed.strokes} strokes (${(seed.bytes / 1e6).toFixed(0)} MB) did not finish within ${timeoutMs / 1000} s`);
      }
      await sleep(POLL_MS);
    }
  } catch (err) {
    socket.terminate();
    throw err;
  }
  return { ms: now() - began, close: () => socket.terminate() };
}

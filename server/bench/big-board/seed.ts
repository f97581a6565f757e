/**
 * A big board as Yjs updates, built once per size and sent to every server of the run: S
 * handwriting strokes (handwriting.ts) in chunks, each chunk a doc of its own with its own client
 * id (as if written in separate sessions), so a chunk is a complete update under the server's
 * 8 MiB frame limit and no process ever holds the whole board as a Y.Doc but the server.
 */
import { MAX_WS_MESSAGE_BYTES } from "@whiteboard/shared";
import * as Y from "yjs";
import { addStroke } from "../sse/stroke.js";
import { handwriting } from "./handwriting.js";

export interface Seed {
  strokes: number;
  points: number;
  /** One update per chunk, in the order they are to be sent. */
  chunks: Uint8Array[];
  bytes: number;
  /** The whole board's state vector: what a client that already holds the board syncs from. */
  stateVector: Uint8Array;
  buildMs: number;
}

/** About 5.7 MB a chunk at 100 points a stroke: under 8 MiB with room for longer words. */
const STROKES_PER_CHUNK = 5_000;
/** The frame's own header and the y-websocket message prefix come on top of the update. */
const FRAME_MARGIN_BYTES = 64;
/** Above the 2^31 range bench editors draw their client ids from (editor-identities.ts). */
const FIRST_SEED_CLIENT = 2 ** 31 + 1;
const INKS = ["#1b1b1f", "#1b1b1f", "#1b1b1f", "#0090ff", "#e5484d", "#30a46c"];
const RANDOM_SEED = 7;

export function buildSeed(strokes: number): Seed {
  const began = performance.now();
  const words = handwriting(strokes, RANDOM_SEED);
  const chunks: Uint8Array[] = [];
  const state = new Map<number, number>();
  let points = 0;
  let z = 0;
  while (z < strokes) {
    const doc = new Y.Doc();
    doc.clientID = FIRST_SEED_CLIENT + chunks.length;
    const end = Math.min(strokes, z + STROKES_PER_CHUNK);
    doc.transact(() => {
      for (; z < end; z++) {
        const word = words.next();
        if (word.done === true) break;
        points += word.value.points.length / 3;
        addStroke(doc, {
          key: `seed${z.toString(36).padStart(6, "0")}`,
          createdBy: "bench",
          color: INKS[z % INKS.length] as string,
          width: 2 + (z % 4),
          z,
          ...word.value,
        });
      }
    });
    const update = Y.encodeStateAsUpdate(doc);
    if (update.byteLength > MAX_WS_MESSAGE_BYTES - FRAME_MARGIN_BYTES) {
      throw new Error(`a seed chunk is ${update.byteLength} bytes, over the ${MAX_WS_MESSAGE_BYTES}-byte frame limit: make chunks smaller`);
    }
    state.set(doc.clientID, Y.getState(doc.store, doc.clientID));
    chunks.push(update);
    doc.destroy();
  }
  return {
    strokes,
    points,
    chunks,
    bytes: chunks.reduce((n, c) => n + c.byteLength, 0),
    stateVector: Y.encodeStateVector(state),
    buildMs: performance.now() - began,
  };
}

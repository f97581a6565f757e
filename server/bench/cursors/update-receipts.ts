/**
 * Observers time document updates as well as cursors (the big-board bench's pen points). An
 * update is named by the id of its first struct, (client, clock): the pen that wrote it recorded
 * that id with its send time, and the coordinator joins the two afterwards. Nothing rides in the
 * update to carry the time, so a point is on the wire the size a real pen's is, and reading the
 * id takes four varUints, no Y.Doc.
 *
 *   update := varUint(clients) • varUint(structs) • varUint(client) • varUint(clock) • ...
 */
import * as decoding from "lib0/decoding";
import { MESSAGE_SYNC } from "./protocol.js";

/** The (client, clock) of an update's first struct; undefined for one with no structs (deletes only). */
export function firstStructId(update: Uint8Array): { client: number; clock: number } | undefined {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return undefined;
  if (decoding.readVarUint(decoder) === 0) return undefined;
  const client = decoding.readVarUint(decoder);
  return { client, clock: decoding.readVarUint(decoder) };
}

/** One observer's receipts: each update id once, with the time it first arrived. */
export class UpdateReceipts {
  private readonly seen = new Set<string>();
  /** Flat [client, clock, receivedAt] triples. */
  private readonly flat: number[] = [];

  get count(): number {
    return this.seen.size;
  }

  /** `message` is a whole y-websocket sync-update message (see protocol.ts's isSyncUpdate). */
  receive(message: Uint8Array, receivedAt: number): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    decoding.readVarUint(decoder);
    const id = firstStructId(decoding.readVarUint8Array(decoder));
    if (id === undefined) return;
    const key = `${id.client}:${id.clock}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.flat.push(id.client, id.clock, receivedAt);
  }

  triples(): Float64Array {
    return Float64Array.from(this.flat);
  }
}

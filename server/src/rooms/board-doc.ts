import * as Y from "yjs";
import { MAX_PENDING_UPDATE_BYTES, SSE_EVENTS, WS_CLOSE } from "@whiteboard/shared";
import { encodeSyncStep2 } from "../protocol/messages.js";
import { encodeSseEvent } from "../protocol/sse.js";
import type { Rejection } from "./peer.js";

/** What applying a client's update did to the board. */
export type ApplyOutcome =
  /** Something new: store it, then forward it. */
  | { kind: "changed"; elementCount: number }
  /** The board had all of it (a client resending what it has): neither stored nor forwarded. */
  | { kind: "unchanged" }
  /** Refused: the sender is closed with the rejection's code; nothing of it is kept. */
  | { kind: "rejected"; rejection: Rejection; detail?: string };

/** The whole state could not be applied: the stored board is damaged. */
export class UnreadableStateError extends Error {
  override readonly name = "UnreadableStateError";
}

/**
 * A board's Y.Doc and the rules for changing it, with no room, socket or thread in sight: the
 * room's document host runs it on the event loop for small boards, and in a thread of its own
 * for large ones (see doc-host.ts). Everything here is synchronous.
 */
export class BoardDoc {
  private readonly doc = new Y.Doc();
  /**
   * The whole doc as one update, kept until the doc next changes: each new editor's first sync,
   * each viewer snapshot would otherwise encode it again (a board of 10,000 strokes is 11 MB, a
   * fifth of a second to encode).
   */
  private encodedState: Uint8Array | undefined;
  /** The same, in base64, for viewers' snapshots. */
  private encodedBase64: string | undefined;
  /** Whether the last transaction on the doc added or deleted anything. */
  private lastTransactionChanged = false;
  /**
   * Kept as keys come and go: `Y.Map#size` walks every entry, 6 ms at 50,000 strokes, and every
   * write batch records the count.
   */
  private count: number;

  /** Throws `UnreadableStateError` when `state` is not a Yjs update. */
  constructor(state: Uint8Array) {
    try {
      Y.applyUpdate(this.doc, state);
    } catch (err) {
      this.doc.destroy();
      throw new UnreadableStateError("the merged document is not a Yjs update", { cause: err });
    }
    // Its encoding of this very state: the first newcomer and viewer get it as is.
    this.encodedState = state;
    const elements = this.doc.getMap("elements");
    this.count = elements.size;
    elements.observe((event) => {
      for (const { action } of event.changes.keys.values()) {
        if (action === "add") this.count += 1;
        else if (action === "delete") this.count -= 1;
      }
    });
    this.doc.on("afterTransaction", (transaction: Y.Transaction) => {
      this.lastTransactionChanged = changedAnything(transaction);
      if (this.lastTransactionChanged) this.forgetEncodings();
    });
  }

  get elementCount(): number {
    return this.count;
  }

  /** Whether the whole-board encoding is at hand (no change since it was made). */
  get hasEncodedState(): boolean {
    return this.encodedState !== undefined;
  }

  /**
   * Applies an update that `Y.decodeUpdate` accepted. `Y.applyUpdate` is not atomic on malformed
   * input (it can apply part, then throw), which is why the caller decodes first; what still
   * fails here is refused.
   */
  apply(update: Uint8Array): ApplyOutcome {
    // Yjs keeps one pendingStructs object and swaps its `update` as more is parked.
    const parkedStructs = this.doc.store.pendingStructs?.update;
    const parkedDs = this.doc.store.pendingDs;
    try {
      Y.applyUpdate(this.doc, update);
    } catch (err) {
      this.forgetEncodings();
      return { kind: "rejected", rejection: { code: WS_CLOSE.invalidData, reason: "update rejected" }, detail: String(err) };
    }
    // Nothing new (a client resending what the board has, as an editor does when its offline
    // copy loads after it connected): storing and forwarding it would cost every editor and
    // viewer the whole board again. Anything Yjs had to park counts as new.
    const parked = this.doc.store.pendingStructs?.update !== parkedStructs || this.doc.store.pendingDs !== parkedDs;
    if (!this.lastTransactionChanged && !parked) return { kind: "unchanged" };
    // An update Yjs had to park is neither stored nor forwarded once the parked bytes pass the
    // cap: it would be parked again on every reload and at every peer.
    if (this.parkedBytes() > MAX_PENDING_UPDATE_BYTES) {
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      return { kind: "rejected", rejection: { code: WS_CLOSE.policyViolation, reason: "too many updates with missing dependencies" } };
    }
    return { kind: "changed", elementCount: this.count };
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /** What a client with `stateVector` lacks, as an update (the payload of sync step 2). */
  diff(stateVector: Uint8Array): Uint8Array {
    // A client with nothing yet (a first visit) lacks the whole doc.
    if (Y.decodeStateVector(stateVector).size === 0) return this.whole();
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** Sync step 2 for a client that sent `stateVector`, as the message bytes to send. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return encodeSyncStep2(this.diff(stateVector));
  }

  whole(): Uint8Array {
    this.encodedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.encodedState;
  }

  /** A viewer's `snapshot` event with id `id`; the base64 is kept while the board is unchanged. */
  snapshotEvent(id: number): Buffer {
    const whole = this.whole();
    this.encodedBase64 ??= Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString("base64");
    return encodeSseEvent(id, SSE_EVENTS.snapshot, { update: this.encodedBase64 });
  }

  /** The doc's elements as JSON (tests). */
  elementsJson(): Record<string, unknown> {
    return this.doc.getMap("elements").toJSON();
  }

  /** Bytes Yjs holds back for updates whose dependencies have not arrived. */
  parkedBytes(): number {
    const store = this.doc.store;
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  }

  destroy(): void {
    this.doc.destroy();
  }

  private forgetEncodings(): void {
    this.encodedState = undefined;
    this.encodedBase64 = undefined;
  }
}

/** Whether a transaction integrated a struct or deleted an item: false for an update the doc already had. */
function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  if (transaction.beforeState.size !== transaction.afterState.size) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

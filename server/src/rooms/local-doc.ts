import { encodeSyncStep2 } from "../protocol/messages.js";
import * as Y from "yjs";
import type { ApplyOutcome, BoardDoc } from "./board-doc.js";
import type { DocHost } from "./doc-host.js";

export interface LocalDocOptions {
  /**
   * The whole board as stored, read and merged off the event loop. A board loaded small can
   * grow large while it is open (imports, long sessions); its first sync for a newcomer after
   * a change is then read from the store's worker rather than encoded here.
   */
  readStored(): Promise<Uint8Array | undefined>;
  /** Whether the board is now large enough for that (its stored bytes). */
  isLarge(): boolean;
}

/** A board's doc on the event loop: for boards small enough that nothing here takes long. */
export class LocalDoc implements DocHost {
  readonly where = "event loop";

  constructor(
    private readonly doc: BoardDoc,
    private readonly options: LocalDocOptions,
  ) {}

  apply(update: Uint8Array): Promise<ApplyOutcome> {
    return Promise.resolve(this.doc.apply(update));
  }

  stateVector(): Promise<Uint8Array> {
    return Promise.resolve(this.doc.stateVector());
  }

  /**
   * The peer asking is attached already, so every update written after the store's read
   * reaches it as a forwarded update, and Yjs merges the two in whatever order they arrive.
   */
  async syncStep2(stateVector: Uint8Array): Promise<Uint8Array> {
    const fresh = Y.decodeStateVector(stateVector).size === 0;
    if (fresh && !this.doc.hasEncodedState && this.options.isLarge()) {
      const stored = await this.options.readStored().catch(() => undefined);
      if (stored) return encodeSyncStep2(stored);
    }
    return this.doc.syncStep2(stateVector);
  }

  snapshotEvent(id: number): Promise<Buffer> {
    return Promise.resolve(this.doc.snapshotEvent(id));
  }

  whole(): Promise<Uint8Array> {
    return Promise.resolve(this.doc.whole());
  }

  close(): Promise<void> {
    this.doc.destroy();
    return Promise.resolve();
  }
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { type WebsocketProvider, messageSync } from "y-websocket";
import * as Y from "yjs";

type UpdateListener = (update: Uint8Array, origin: unknown) => void;

/** Where the bytes of a sync go that the doc did not announce to its `update` listeners. */
export interface QuietSyncSink {
  /** The `update` listener to hold off while the sync is applied; undefined when it is not registered. */
  readonly listener: UpdateListener | undefined;
  /** Keeps the update as that listener would have. */
  keep(update: Uint8Array): void;
}

/**
 * Applies the server's sync step 2 (everything this client lacks: the whole board when it opens)
 * without Yjs re-encoding it for the doc's `update` listeners, and hands the bytes as received to
 * `sink` instead.
 *
 * Yjs encodes each transaction into an update for whoever listens to `update`. Of the two
 * listeners an editor has, the provider's drops what came from the server (it only sends local
 * changes) and the offline store's stores it: for a board of 10,000 strokes that is 11 MB
 * re-encoded, a quarter of a second of the open, to store bytes identical in content to those
 * just received. So both listeners are held off for that one transaction and the received bytes
 * are stored. Any other `update` listener still hears the sync as usual; every other message
 * takes the provider's own path. (A change made by an observer during that transaction would go
 * unheard by both; none of ours writes to the doc from an observer.)
 */
export function quietSyncStep2(provider: WebsocketProvider, sink: QuietSyncSink): void {
  const stock = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (encoder, decoder, self, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep2) {
      stock(encoder, decoder, self, emitSynced, messageType);
      return;
    }
    const update = decoding.readVarUint8Array(peek);
    decoder.pos = peek.pos;
    // As the stock handler: the reply starts with the message type, and is sent only if it grew.
    encoding.writeVarUint(encoder, messageSync);
    if (applyUnannounced(self.doc, update, self, [self._updateHandler, sink.listener])) sink.keep(update);
    if (emitSynced && !self.synced) self.synced = true;
  };
}

/** True when the update applied; false when Yjs threw on it (it may have applied in part). */
function applyUnannounced(doc: Y.Doc, update: Uint8Array, origin: unknown, listeners: (UpdateListener | undefined)[]): boolean {
  const held = listeners.filter((listener): listener is UpdateListener => listener !== undefined);
  for (const listener of held) doc.off("update", listener);
  try {
    Y.applyUpdate(doc, update, origin);
    return true;
  } catch (error) {
    // As y-protocols does: a bad update from the server is reported, not thrown into the socket.
    console.error("Caught error while handling a Yjs update", error);
    return false;
  } finally {
    for (const listener of held) doc.on("update", listener);
  }
}

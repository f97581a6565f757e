import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { type WebsocketProvider, messageAwareness } from "y-websocket";

/** What the awareness `update` event reports: the client ids whose state was touched. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

type AwarenessUpdateHandler = (changes: AwarenessChanges, origin: unknown) => void;

/**
 * An awareness `update` handler that passes on only this client's own state. The stock
 * provider's handler encodes every changed client, remote ones included, so each awareness
 * message it receives goes straight back to the server: with N editors that is N^2 echoes per
 * cursor move, and the server has to drop states a connection does not own. Others' states
 * reach everyone from the server; ours is the only one we have anything to say about.
 */
export function ownAwarenessHandler(
  awareness: awarenessProtocol.Awareness,
  send: (message: Uint8Array) => void,
): AwarenessUpdateHandler {
  return ({ added, updated, removed }) => {
    const own = awareness.clientID;
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    send(encoding.toUint8Array(encoder));
  };
}

/**
 * Swaps the provider's awareness re-broadcast for `ownAwarenessHandler`. The replacement is
 * stored where the provider keeps its own, so `provider.destroy()` still unhooks it. Call it
 * before the provider connects: on open, the provider sends the local state by itself.
 */
export function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const { awareness } = provider;
  awareness.off("update", provider._awarenessUpdateHandler);
  const handler = ownAwarenessHandler(awareness, (message) => {
    const ws = provider.ws;
    // While offline there is nowhere to send it; the provider sends the current state on open.
    if (provider.wsconnected && ws !== null && ws.readyState === ws.OPEN) ws.send(message);
  });
  provider._awarenessUpdateHandler = handler;
  awareness.on("update", handler);
}

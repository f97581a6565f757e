import type { Awareness } from "y-protocols/awareness";
import { type StoreApi, createStore } from "zustand/vanilla";
import { type PeerState, readPeerState } from "./peer-state";

export type PeersStore = StoreApi<{ peers: readonly PeerState[] }>;

/** The other editors' shared state (selection, laser, viewport), kept current from awareness. */
export function followPeers(awareness: Awareness): { store: PeersStore; stop: () => void } {
  const read = () => {
    const peers: PeerState[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const peer = readPeerState(clientId, state);
      if (peer) peers.push(peer);
    }
    return peers;
  };
  const store = createStore<{ peers: readonly PeerState[] }>()(() => ({ peers: read() }));
  const onChange = () => store.setState({ peers: read() });
  awareness.on("change", onChange);
  return { store, stop: () => awareness.off("change", onChange) };
}

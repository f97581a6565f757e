import type { Awareness } from "y-protocols/awareness";
import { type StoreApi, createStore } from "zustand/vanilla";
import { type PresentUser, presentUsers } from "./presence-users";

export type PresenceStore = StoreApi<{ users: PresentUser[] }>;

/** Who is on the board, kept current from awareness. Returns the store and the unsubscribe. */
export function followPresence(awareness: Awareness): { store: PresenceStore; stop: () => void } {
  const read = () => presentUsers(awareness.getStates(), awareness.clientID);
  const store = createStore<{ users: PresentUser[] }>()(() => ({ users: read() }));
  // `change`, not `update`: the 15-second keep-alive renewals change nothing worth a render.
  const onChange = () => store.setState({ users: read() });
  awareness.on("change", onChange);
  return { store, stop: () => awareness.off("change", onChange) };
}

import { type StoreApi, createStore } from "zustand/vanilla";
import type { Viewport } from "../canvas/viewport";
import type { ViewportStore } from "../canvas/viewport-store";
import type { PeerState } from "./peer-state";
import type { PeersStore } from "./peers-store";

/** Whom this page follows: a peer's client id, or null. */
export type FollowStore = StoreApi<{ following: number | null }>;

export interface FollowOptions {
  peers: PeersStore;
  viewport: ViewportStore;
  /** Our view's size in CSS pixels. */
  screen: () => { w: number; h: number };
}

/**
 * Following someone: our view shows what theirs shows, centred on the middle of their view
 * at their zoom. Any change of our view that we did not make here (a pan, a wheel, a zoom key)
 * means the user took over, and following stops; so does the leader leaving.
 */
export function createFollower({ peers, viewport, screen }: FollowOptions): { store: FollowStore; stop: () => void } {
  const store = createStore<{ following: number | null }>()(() => ({ following: null }));
  let applying = false;

  const apply = () => {
    const id = store.getState().following;
    if (id === null) return;
    const leader = peers.getState().peers.find((peer) => peer.clientId === id);
    if (!leader) {
      store.setState({ following: null });
      return;
    }
    if (!leader.viewport) return;
    const next = followedViewport(leader, screen());
    const current = viewport.getState();
    if (next.x === current.x && next.y === current.y && next.zoom === current.zoom) return;
    applying = true;
    viewport.setState(next, true);
    applying = false;
  };

  const unsubscribePeers = peers.subscribe(apply);
  const unsubscribeFollow = store.subscribe(apply);
  const unsubscribeViewport = viewport.subscribe(() => {
    if (!applying && store.getState().following !== null) store.setState({ following: null });
  });
  return {
    store,
    stop() {
      unsubscribePeers();
      unsubscribeFollow();
      unsubscribeViewport();
    },
  };
}

/** Our viewport showing the middle of the leader's view at the leader's zoom. */
export function followedViewport(leader: Pick<PeerState, "viewport" | "screen">, screen: { w: number; h: number }): Viewport {
  const view = leader.viewport!;
  if (!leader.screen) return { ...view };
  const centreX = view.x + leader.screen.w / 2 / view.zoom;
  const centreY = view.y + leader.screen.h / 2 / view.zoom;
  return { x: centreX - screen.w / 2 / view.zoom, y: centreY - screen.h / 2 / view.zoom, zoom: view.zoom };
}

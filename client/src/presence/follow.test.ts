import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { createViewportStore } from "../canvas/viewport-store";
import { createFollower, followedViewport } from "./follow";
import type { PeerState } from "./peer-state";

const leader = (viewport: PeerState["viewport"]): PeerState => ({
  clientId: 9,
  name: "Lead",
  color: "#000",
  selection: [],
  laser: [],
  viewport,
  screen: { w: 1000, h: 800 },
});

describe("following a user", () => {
  it("centres on the middle of the leader's view at the leader's zoom", () => {
    expect(followedViewport(leader({ x: 0, y: 0, zoom: 2 }), { w: 500, h: 400 })).toEqual({ x: 125, y: 100, zoom: 2 });
  });

  it("moves our view when the leader pans, and stops when we pan ourselves", () => {
    const peers = createStore<{ peers: readonly PeerState[] }>()(() => ({ peers: [leader({ x: 0, y: 0, zoom: 1 })] }));
    const viewport = createViewportStore();
    const { store, stop } = createFollower({ peers, viewport, screen: () => ({ w: 1000, h: 800 }) });
    store.setState({ following: 9 });
    peers.setState({ peers: [leader({ x: 300, y: -40, zoom: 1 })] });
    expect(viewport.getState()).toEqual({ x: 300, y: -40, zoom: 1 });

    viewport.setState({ x: 0, y: 0, zoom: 1 }, true);
    expect(store.getState().following).toBeNull();
    peers.setState({ peers: [leader({ x: 999, y: 999, zoom: 1 })] });
    expect(viewport.getState().x).toBe(0);
    stop();
  });

  it("stops following a leader who left", () => {
    const peers = createStore<{ peers: readonly PeerState[] }>()(() => ({ peers: [leader({ x: 0, y: 0, zoom: 1 })] }));
    const { store } = createFollower({ peers, viewport: createViewportStore(), screen: () => ({ w: 1000, h: 800 }) });
    store.setState({ following: 9 });
    peers.setState({ peers: [] });
    expect(store.getState().following).toBeNull();
  });
});

import { type StoreApi, createStore } from "zustand/vanilla";
import { INITIAL_VIEWPORT, type Viewport } from "./viewport";

/**
 * The viewport lives outside React: it changes on every pan and wheel tick, and the canvas
 * redraws from it directly. Components that place things on screen (remote cursors) subscribe.
 */
export type ViewportStore = StoreApi<Viewport>;

export function createViewportStore(initial: Viewport = INITIAL_VIEWPORT): ViewportStore {
  return createStore<Viewport>()(() => initial);
}

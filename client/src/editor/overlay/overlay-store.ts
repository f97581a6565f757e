import { type StoreApi, createStore } from "zustand/vanilla";
import type { Box } from "../../geometry/box";

/** What tools show over the board while they work, and that is in no doc. */
export interface OverlayState {
  /** The select tool's marquee, board coordinates. */
  marquee: Box | null;
  /** What the eraser will remove when the pointer lifts. */
  erasing: readonly string[];
  /** The text element open in the in-place editor (its outline is drawn, its handles are not). */
  editing: string | null;
}

export type OverlayStore = StoreApi<OverlayState>;

export function createOverlayStore(): OverlayStore {
  return createStore<OverlayState>()(() => ({ marquee: null, erasing: [], editing: null }));
}

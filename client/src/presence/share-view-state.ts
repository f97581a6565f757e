import type { Awareness } from "y-protocols/awareness";
import type { FrameLoop } from "../canvas/frame-loop";
import type { ViewportStore } from "../canvas/viewport-store";
import type { SelectionStore } from "../selection/selection-store";
import { MAX_SHARED_SELECTION } from "./peer-state";

export interface ShareViewStateOptions {
  awareness: Awareness;
  frames: FrameLoop;
  viewport: ViewportStore;
  selection: SelectionStore;
  /** The view's size in CSS pixels. */
  screen: () => { w: number; h: number };
}

/**
 * Tells the others what this user looks at and has selected: `viewport` (SPEC's optional
 * field, so they can follow) with `screen`, and `selection` (so they see our outline in our
 * colour). Each is sent at most once per animation frame, and only when it changed.
 */
export function shareViewState({ awareness, frames, viewport, selection, screen }: ShareViewStateOptions): () => void {
  let viewportDirty = true;
  let selectionDirty = true;
  let sentViewport = "";

  const flush = () => {
    if (viewportDirty) {
      viewportDirty = false;
      const { x, y, zoom } = viewport.getState();
      const size = screen();
      const shared = { x: Math.round(x), y: Math.round(y), zoom: Math.round(zoom * 1000) / 1000 };
      const key = `${shared.x},${shared.y},${shared.zoom},${size.w},${size.h}`;
      if (key !== sentViewport) {
        sentViewport = key;
        awareness.setLocalStateField("viewport", shared);
        awareness.setLocalStateField("screen", { w: Math.round(size.w), h: Math.round(size.h) });
      }
    }
    if (selectionDirty) {
      selectionDirty = false;
      awareness.setLocalStateField("selection", selection.getState().ids.slice(0, MAX_SHARED_SELECTION));
    }
  };
  const removeTask = frames.add("input", flush);
  const onViewport = () => {
    viewportDirty = true;
    frames.request();
  };
  const onSelection = () => {
    selectionDirty = true;
    frames.request();
  };
  const unsubscribeViewport = viewport.subscribe(onViewport);
  const unsubscribeSelection = selection.subscribe(onSelection);
  window.addEventListener("resize", onViewport);
  frames.request();

  return () => {
    removeTask();
    unsubscribeViewport();
    unsubscribeSelection();
    window.removeEventListener("resize", onViewport);
  };
}

import { useStore } from "zustand";
import type { ViewportStore } from "../canvas/viewport-store";
import type { Point } from "../canvas/viewport";
import { type ZoomKey, zoomBy } from "../canvas/zoom-steps";

/** Zoom for those without a wheel or a trackpad, and the zoom level at a glance; the keys do the same. */
export function ZoomControls({ viewport, centre }: { viewport: ViewportStore; centre: () => Point }) {
  const zoom = useStore(viewport, (view) => view.zoom);
  const press = (key: ZoomKey) => viewport.setState(zoomBy(viewport.getState(), key, centre()), true);

  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" className="zoom-button" data-testid="zoom-out" title="Zoom out (−)" onClick={() => press("out")}>
        <span aria-hidden="true">−</span>
        <span className="visually-hidden">Zoom out</span>
      </button>
      <button type="button" className="zoom-button zoom-level" data-testid="zoom-reset" title="Back to 100% (0)" onClick={() => press("reset")}>
        {Math.round(zoom * 100)}%
      </button>
      <button type="button" className="zoom-button" data-testid="zoom-in" title="Zoom in (+)" onClick={() => press("in")}>
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">Zoom in</span>
      </button>
    </div>
  );
}

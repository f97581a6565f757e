import { useStore } from "zustand";
import type { ViewportStore } from "../canvas/viewport-store";
import type { ZoomCommand } from "./shortcuts";

/** The zoom at a glance, and zoom for those without a wheel or trackpad; the keys do the same. */
export function ZoomBar({ viewport, zoom }: { viewport: ViewportStore; zoom: (command: ZoomCommand) => void }) {
  const level = useStore(viewport, (view) => view.zoom);
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" className="zoom-button" data-testid="zoom-out" title="Zoom out (−)" onClick={() => zoom("out")}>
        <span aria-hidden="true">−</span>
        <span className="visually-hidden">Zoom out</span>
      </button>
      <button
        type="button"
        className="zoom-button zoom-level"
        data-testid="zoom-reset"
        title="Back to 100% (Shift+0)"
        onClick={() => zoom("reset")}
      >
        {Math.round(level * 100)}%
      </button>
      <button type="button" className="zoom-button" data-testid="zoom-in" title="Zoom in (+)" onClick={() => zoom("in")}>
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">Zoom in</span>
      </button>
      <button type="button" className="zoom-button zoom-fit" data-testid="zoom-fit" title="Zoom to fit everything (Shift+1)" onClick={() => zoom("fit")}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="visually-hidden">Zoom to fit</span>
      </button>
    </div>
  );
}

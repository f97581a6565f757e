import { useEffect, useRef } from "react";
import type { FrameLoop } from "../../canvas/frame-loop";
import type { ViewportStore } from "../../canvas/viewport-store";
import type { ElementQuery } from "../../geometry/element-query";
import type { TextMeasure } from "../../geometry/text-measure";
import type { LaserTrail } from "../../presence/laser-trail";
import type { PeersStore } from "../../presence/peers-store";
import { editablePolyline, polylinePoints } from "../../selection/point-handles";
import { selectionBounds, selectedElements } from "../../selection/selection-bounds";
import type { SelectionStore } from "../../selection/selection-store";
import { drawEraserPreview } from "./draw-eraser-preview";
import { drawLaser } from "./draw-laser";
import { drawMarquee, drawPointHandles, drawRemoteSelection, drawSelection } from "./draw-selection";
import type { OverlayStore } from "./overlay-store";

export interface OverlayCanvasProps {
  viewport: ViewportStore;
  frames: FrameLoop;
  query: ElementQuery;
  selection: SelectionStore;
  overlay: OverlayStore;
  peers: PeersStore;
  laser: LaserTrail;
  laserColor: string;
  measure: TextMeasure;
}

/**
 * A second canvas over the board's, for what tools show and others' selections and lasers:
 * none of it is in the doc, and it changes far more often than the board, which then never
 * redraws for it. It takes no pointer events; the board canvas under it gets them all.
 * Dirty-driven like the board: drawn once in the next frame after anything it shows changed.
 */
export function OverlayCanvas({ viewport, frames, query, selection, overlay, peers, laser, laserColor, measure }: OverlayCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    let dirty = true;
    const invalidate = () => {
      dirty = true;
      frames.request();
    };

    const draw = () => {
      // The laser trims itself each frame while it has a trail: redraw with it.
      const ownLaser = laser.points();
      if (!dirty && ownLaser.length === 0 && !drewLaser) return;
      drewLaser = ownLaser.length > 0;
      dirty = false;
      const ratio = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      const dw = Math.max(1, Math.round(w * ratio));
      const dh = Math.max(1, Math.round(h * ratio));
      if (canvas.width !== dw) canvas.width = dw;
      if (canvas.height !== dh) canvas.height = dh;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const view = viewport.getState();
      const { marquee, erasing, editing } = overlay.getState();

      if (erasing.length > 0) drawEraserPreview(ctx, view, selectedElements(query, erasing), measure);

      for (const peer of peers.getState().peers) {
        const bounds = selectionBounds(query, peer.selection);
        if (bounds) drawRemoteSelection(ctx, view, bounds, peer.color, peer.name);
      }

      const ids = selection.getState().ids;
      const elements = selectedElements(query, ids);
      const bounds = selectionBounds(query, ids);
      const line = editablePolyline(elements);
      if (line) drawPointHandles(ctx, view, polylinePoints(line));
      else if (bounds) {
        const alone = elements.length === 1 && elements[0]!.id === editing;
        drawSelection(ctx, view, bounds, elements.map((e) => query.boundsOf(e)), !alone);
      }
      if (marquee) drawMarquee(ctx, view, marquee);

      for (const peer of peers.getState().peers) if (peer.laser.length > 0) drawLaser(ctx, view, peer.laser, peer.color);
      if (ownLaser.length > 0) drawLaser(ctx, view, ownLaser, laserColor);
    };
    let drewLaser = false;

    const removeTask = frames.add("draw", draw);
    const unsubscribers = [
      viewport.subscribe(invalidate),
      query.subscribe(invalidate),
      selection.subscribe(invalidate),
      overlay.subscribe(invalidate),
      peers.subscribe(invalidate),
    ];
    const resize = new ResizeObserver(invalidate);
    resize.observe(canvas);
    invalidate();
    return () => {
      removeTask();
      for (const unsubscribe of unsubscribers) unsubscribe();
      resize.disconnect();
    };
  }, [viewport, frames, query, selection, overlay, peers, laser, laserColor, measure]);

  return <canvas ref={ref} className="overlay-canvas" aria-hidden="true" />;
}

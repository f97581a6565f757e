import type { Viewport } from "../../canvas/viewport";
import type { Box, Point } from "../../geometry/box";
import { HANDLE_SIZE_PX, handlePoints, outlineBox, rotationHandlePoint } from "../../selection/handles";
import { boxToScreen, toScreen } from "./screen-space";

export const SELECTION_COLOR = "#5b5bd6";

/**
 * Our own selection: one outline around everything selected with its resize handles and, on a
 * stem above it, the rotation handle; and a faint outline around each element when there are
 * several, so it is clear what is in it.
 */
export function drawSelection(ctx: CanvasRenderingContext2D, view: Viewport, bounds: Box, each: readonly Box[], handles: boolean): void {
  ctx.save();
  ctx.strokeStyle = SELECTION_COLOR;
  if (each.length > 1) {
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    for (const box of each) {
      const r = boxToScreen(view, box);
      ctx.strokeRect(Math.round(r.x) + 0.5, Math.round(r.y) + 0.5, Math.round(r.w), Math.round(r.h));
    }
    ctx.globalAlpha = 1;
  }
  const outline = outlineBox(bounds, view.zoom);
  const r = boxToScreen(view, outline);
  ctx.lineWidth = 1.5;
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  if (handles) {
    ctx.fillStyle = "#ffffff";
    ctx.lineWidth = 1.5;
    const turn = toScreen(view, rotationHandlePoint(outline, view.zoom));
    ctx.beginPath();
    ctx.moveTo(turn.x, r.y);
    ctx.lineTo(turn.x, turn.y + HANDLE_SIZE_PX / 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(turn.x, turn.y, HANDLE_SIZE_PX / 2 + 0.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    for (const { point } of handlePoints(outline, view.zoom)) {
      const p = toScreen(view, point);
      const half = HANDLE_SIZE_PX / 2;
      ctx.beginPath();
      ctx.roundRect(p.x - half, p.y - half, HANDLE_SIZE_PX, HANDLE_SIZE_PX, 2);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Another editor's selection, in their colour and dashed, labelled with their name. */
export function drawRemoteSelection(ctx: CanvasRenderingContext2D, view: Viewport, bounds: Box, color: string, name: string): void {
  const r = boxToScreen(view, outlineBox(bounds, view.zoom));
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([6, 4]);
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.setLineDash([]);
  ctx.font = "600 11px system-ui, sans-serif";
  const label = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  const width = ctx.measureText(label).width + 10;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.roundRect(r.x, r.y - 18, width, 16, 4);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.textBaseline = "middle";
  ctx.fillText(label, r.x + 5, r.y - 10);
  ctx.restore();
}

export function drawMarquee(ctx: CanvasRenderingContext2D, view: Viewport, box: Box): void {
  const r = boxToScreen(view, box);
  ctx.save();
  ctx.fillStyle = "rgb(91 91 214 / 0.08)";
  ctx.strokeStyle = SELECTION_COLOR;
  ctx.lineWidth = 1;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeRect(Math.round(r.x) + 0.5, Math.round(r.y) + 0.5, Math.round(r.w), Math.round(r.h));
  ctx.restore();
}

/** A lone line's or arrow's own points, as round handles, instead of a box. */
export function drawPointHandles(ctx: CanvasRenderingContext2D, view: Viewport, points: readonly Point[]): void {
  ctx.save();
  ctx.strokeStyle = SELECTION_COLOR;
  ctx.fillStyle = "#ffffff";
  ctx.lineWidth = 1.5;
  for (const point of points) {
    const p = toScreen(view, point);
    ctx.beginPath();
    ctx.arc(p.x, p.y, HANDLE_SIZE_PX / 2 + 0.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

import { type BoxElement, POLYLINE_POINT_SIZE, type PolylineElement, type TextElement } from "@whiteboard/shared";
import { TEXT_LINE_HEIGHT, centreOf } from "./bounds";
import type { SceneEntry } from "./scene";
import { strokeOutline, traceOutline } from "./stroke-outline";

/**
 * The ink used when an element's colour is one the canvas cannot parse: assigning an invalid
 * colour is silently ignored, and the element would otherwise borrow whatever was set before.
 */
const FALLBACK_INK = "#1b1b1f";
const TEXT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Draws one element; the context is in board coordinates. Leaves the context as it found it. */
export function drawElement(ctx: CanvasRenderingContext2D, entry: SceneEntry): void {
  const { element } = entry;
  ctx.save();
  ctx.translate(element.x, element.y);
  if (element.rotation) {
    const centre = centreOf(entry.local);
    ctx.translate(centre.x, centre.y);
    ctx.rotate(element.rotation);
    ctx.translate(-centre.x, -centre.y);
  }
  if (element.opacity !== undefined) ctx.globalAlpha = element.opacity;
  ctx.fillStyle = FALLBACK_INK;
  ctx.strokeStyle = FALLBACK_INK;
  ctx.fillStyle = element.color;
  ctx.strokeStyle = element.color;
  ctx.lineWidth = element.width;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";

  switch (element.type) {
    case "stroke":
      entry.path ??= strokePath(element.points, element.width);
      ctx.fill(entry.path);
      break;
    case "rect":
    case "ellipse":
      drawBox(ctx, element);
      break;
    case "line":
    case "arrow":
      drawPolyline(ctx, element);
      break;
    case "text":
      drawText(ctx, element);
      break;
    default: {
      const unhandled: never = element;
      void unhandled;
    }
  }
  ctx.restore();
}

function strokePath(points: readonly number[], width: number): Path2D {
  const path = new Path2D();
  traceOutline(path, strokeOutline(points, width));
  return path;
}

function drawBox(ctx: CanvasRenderingContext2D, box: BoxElement): void {
  ctx.beginPath();
  if (box.type === "rect") ctx.rect(0, 0, box.w, box.h);
  else ctx.ellipse(box.w / 2, box.h / 2, box.w / 2, box.h / 2, 0, 0, Math.PI * 2);
  if (box.fill !== undefined) {
    ctx.fillStyle = "transparent";
    ctx.fillStyle = box.fill;
    ctx.fill();
  }
  if (box.width > 0) ctx.stroke();
}

function drawPolyline(ctx: CanvasRenderingContext2D, line: PolylineElement): void {
  const { points } = line;
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = POLYLINE_POINT_SIZE; i + 1 < points.length; i += POLYLINE_POINT_SIZE) ctx.lineTo(points[i]!, points[i + 1]!);
  ctx.stroke();
  if (line.type !== "arrow") return;

  // The head points along the last segment that has a length: a repeated last point has no direction.
  const n = points.length;
  const tipX = points[n - 2]!;
  const tipY = points[n - 1]!;
  for (let i = n - 4; i >= 0; i -= POLYLINE_POINT_SIZE) {
    const dx = tipX - points[i]!;
    const dy = tipY - points[i + 1]!;
    if (dx === 0 && dy === 0) continue;
    const angle = Math.atan2(dy, dx);
    const length = arrowHeadLength(line.width);
    ctx.beginPath();
    ctx.moveTo(tipX - length * Math.cos(angle - ARROW_SPREAD), tipY - length * Math.sin(angle - ARROW_SPREAD));
    ctx.lineTo(tipX, tipY);
    ctx.lineTo(tipX - length * Math.cos(angle + ARROW_SPREAD), tipY - length * Math.sin(angle + ARROW_SPREAD));
    ctx.stroke();
    return;
  }
}

/** Half the angle between the two barbs of an arrowhead. */
const ARROW_SPREAD = Math.PI / 7;

/** Long enough to read on a thin line, in proportion on a thick one (within `localBounds`' padding). */
function arrowHeadLength(width: number): number {
  return Math.max(12, width * 3.5);
}

function drawText(ctx: CanvasRenderingContext2D, text: TextElement): void {
  ctx.font = `${text.fontSize}px ${TEXT_FONT}`;
  ctx.textBaseline = "top";
  const lineHeight = text.fontSize * TEXT_LINE_HEIGHT;
  text.text.split("\n").forEach((line, i) => ctx.fillText(line, 0, i * lineHeight));
}

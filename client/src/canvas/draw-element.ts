import { arrowhead } from "./arrowhead";
import { type BoxElement, POLYLINE_POINT_SIZE, type PolylineElement, type StrokeElement, TEXT_LINE_HEIGHT, type TextElement } from "@whiteboard/shared";
import { centreOf } from "./bounds";
import { FALLBACK_INK, type InkResolver } from "./ink";
import type { OutlineCache } from "./outline-cache";
import type { SceneEntry } from "./scene";
import { drawsSimplified, meanInkWidth, traceSimplified } from "./stroke-lod";
import { strokeOutline, traceOutline } from "./stroke-outline";

export const TEXT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface DrawOptions {
  /**
   * Device pixels per board unit where this is drawn: strokes only a few pixels wide are drawn
   * as simplified polylines, text too small to read as grey bars. Infinity draws full detail.
   */
  scale: number;
  /** The colour to paint each stored colour with (dark mode adjusts them; see `ink.ts`). */
  ink: InkResolver;
  /** Where stroke outlines are kept between draws; without it each entry keeps its own for good. */
  outlines?: OutlineCache;
}

/** Full detail, stored colours: what an export wants. */
export const FULL_DETAIL: DrawOptions = { scale: Number.POSITIVE_INFINITY, ink: { resolve: (stored) => stored, fallback: FALLBACK_INK } };

/** Below this many device pixels tall, a line of text is a bar: glyphs that small are noise, and slow. */
const GREEK_BELOW_PX = 4;

/**
 * Draws one element; the context is in board coordinates. Leaves the context as it found it.
 * Assigning a colour the canvas cannot parse is silently ignored, so the fallback ink goes in
 * first: an element must never borrow whatever colour was set before it.
 */
export function drawElement(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, entry: SceneEntry, options: DrawOptions = FULL_DETAIL): void {
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
  const ink = options.ink.resolve(element.color) ?? options.ink.fallback;
  ctx.fillStyle = options.ink.fallback;
  ctx.strokeStyle = options.ink.fallback;
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.lineWidth = element.width;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";

  switch (element.type) {
    case "stroke":
      drawStroke(ctx, entry, element, options);
      break;
    case "rect":
    case "ellipse":
      drawBox(ctx, element, options.ink);
      break;
    case "line":
    case "arrow":
      drawPolyline(ctx, element);
      break;
    case "text":
      drawText(ctx, element, options.scale);
      break;
    default: {
      const unhandled: never = element;
      void unhandled;
    }
  }
  ctx.restore();
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function drawStroke(ctx: Context2D, entry: SceneEntry, stroke: StrokeElement, { scale, outlines }: DrawOptions): void {
  if (drawsSimplified(stroke.width, scale)) {
    ctx.lineWidth = meanInkWidth(stroke.points, stroke.width);
    ctx.beginPath();
    traceSimplified(ctx, stroke.points, scale, 0, 0);
    ctx.stroke();
    return;
  }
  const build = () => strokePath(stroke.points, stroke.width);
  ctx.fill(outlines ? outlines.get(entry, build) : (entry.path ??= build()));
}

function strokePath(points: readonly number[], width: number): Path2D {
  const path = new Path2D();
  traceOutline(path, strokeOutline(points, width));
  return path;
}

function drawBox(ctx: Context2D, box: BoxElement, ink: InkResolver): void {
  ctx.beginPath();
  if (box.type === "rect") ctx.rect(0, 0, box.w, box.h);
  else ctx.ellipse(box.w / 2, box.h / 2, box.w / 2, box.h / 2, 0, 0, Math.PI * 2);
  const fill = box.fill === undefined ? null : ink.resolve(box.fill);
  // A fill that is not a colour is no fill, not a fill in the fallback ink.
  if (fill !== null) {
    ctx.fillStyle = "transparent";
    ctx.fillStyle = fill;
    ctx.fill();
  }
  if (box.width > 0) ctx.stroke();
}

function drawPolyline(ctx: Context2D, line: PolylineElement): void {
  const { points } = line;
  ctx.beginPath();
  ctx.moveTo(points[0]!, points[1]!);
  for (let i = POLYLINE_POINT_SIZE; i + 1 < points.length; i += POLYLINE_POINT_SIZE) ctx.lineTo(points[i]!, points[i + 1]!);
  ctx.stroke();
  if (line.type !== "arrow") return;

  const head = arrowhead(points, line.width);
  if (!head) return;
  ctx.beginPath();
  ctx.moveTo(head.left.x, head.left.y);
  ctx.lineTo(head.tip.x, head.tip.y);
  ctx.lineTo(head.right.x, head.right.y);
  ctx.stroke();
}

function drawText(ctx: Context2D, text: TextElement, scale: number): void {
  const lineHeight = text.fontSize * TEXT_LINE_HEIGHT;
  const lines = text.text.split("\n");
  if (text.fontSize * scale < GREEK_BELOW_PX) {
    ctx.globalAlpha *= 0.45;
    lines.forEach((line, i) => {
      if (line.trim() !== "") ctx.fillRect(0, i * lineHeight + text.fontSize * 0.3, line.length * text.fontSize * 0.5, text.fontSize * 0.5);
    });
    return;
  }
  ctx.font = `${text.fontSize}px ${TEXT_FONT}`;
  ctx.textBaseline = "top";
  lines.forEach((line, i) => ctx.fillText(line, 0, i * lineHeight));
}

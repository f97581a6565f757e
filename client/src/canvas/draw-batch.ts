import { type DrawOptions, drawElement } from "./draw-element";
import type { SceneEntry } from "./scene";
import { drawsSimplified, meanInkWidth, traceSimplified } from "./stroke-lod";

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Device widths are rounded to this, so strokes of nearly the same width share one batch. */
const WIDTH_STEP_PX = 0.25;
/** How many elements are drawn between two looks at the clock. */
const CHECK_EVERY = 8;

/**
 * Draws `entries` (in paint order) from index `from`, and returns the index it stopped at:
 * `entries.length` when all are drawn, less when `shouldStop` said the frame's time is up (the
 * caller goes on from there next frame). The context is in board coordinates.
 *
 * Strokes small enough to be drawn simplified are batched: a run of them that follow one
 * another in paint order with the same ink and width becomes one path and one `stroke()`. Only
 * neighbours are merged, so overlaps between different inks still paint in SPEC's order.
 */
export function drawEntries(
  ctx: Context2D,
  entries: readonly SceneEntry[],
  from: number,
  options: DrawOptions,
  shouldStop: () => boolean,
  skip?: (entry: SceneEntry) => boolean,
): number {
  const { scale, ink } = options;
  let run: { ink: string; width: number } | null = null;
  const endRun = () => {
    if (run !== null) ctx.stroke();
    run = null;
  };

  let i = from;
  for (; i < entries.length; i++) {
    if ((i - from) % CHECK_EVERY === CHECK_EVERY - 1 && shouldStop()) break;
    const entry = entries[i]!;
    if (skip?.(entry)) continue;
    const { element } = entry;
    const batchable =
      element.type === "stroke" && !element.rotation && (element.opacity ?? 1) === 1 && drawsSimplified(element.width, scale);
    if (!batchable) {
      endRun();
      drawElement(ctx, entry, options);
      continue;
    }
    const color = ink.resolve(element.color) ?? ink.fallback;
    const width = Math.max(WIDTH_STEP_PX, Math.round(meanInkWidth(element.points, element.width) * scale / WIDTH_STEP_PX) * WIDTH_STEP_PX) / scale;
    if (run === null || run.ink !== color || run.width !== width) {
      endRun();
      run = { ink: color, width };
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.beginPath();
    }
    traceSimplified(ctx, element.points, scale, element.x, element.y);
  }
  endRun();
  return i;
}

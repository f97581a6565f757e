/**
 * How wide a line of text is at a font size, in board units. The browser measures with a
 * canvas; tests (and anything without a DOM) use the estimate.
 */
export type TextMeasure = (line: string, fontSize: number) => number;

/**
 * The renderer's font (client/src/canvas/draw-element.ts): text is hit and selected where it is
 * drawn only while the two match. The line height is the document model's (shared).
 */
export const TEXT_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** An average advance for a proportional sans-serif: close enough to click on. */
const ESTIMATED_ADVANCE = 0.6;

export const estimateText: TextMeasure = (line, fontSize) => line.length * fontSize * ESTIMATED_ADVANCE;

/** Measures with a 2D context, remembering widths (text is re-measured on every hit test otherwise). */
export function canvasTextMeasure(ctx: Pick<CanvasRenderingContext2D, "font" | "measureText">): TextMeasure {
  const cache = new Map<string, number>();
  return (line, fontSize) => {
    const key = `${fontSize}\u0000${line}`;
    let width = cache.get(key);
    if (width === undefined) {
      // Measured at a fixed size and scaled: the cache then holds one entry per line, not per size.
      ctx.font = `100px ${TEXT_FONT_FAMILY}`;
      width = ctx.measureText(line).width / 100;
      if (cache.size > 5_000) cache.clear();
      cache.set(key, width);
    }
    return width * fontSize;
  };
}

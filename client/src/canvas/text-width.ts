import { type TextWidth, estimateTextWidth } from "./bounds";
import { TEXT_FONT } from "./draw-element";

/** Lines measured, beyond which the memory is cleared: a board's texts repeat, a hostile one's need not. */
const REMEMBERED_LINES = 5000;

/**
 * Measures text as the renderer draws it (its font, with the browser's own metrics), so a text's
 * box is where its glyphs are: tiles cull by boxes, and a box a little short would cut the text
 * at a tile's edge. Widths are measured at one size and scaled, and remembered per line.
 */
export function canvasTextWidth(ctx: Pick<OffscreenCanvasRenderingContext2D, "font" | "measureText">): TextWidth {
  const widths = new Map<string, number>();
  return (line, fontSize) => {
    let width = widths.get(line);
    if (width === undefined) {
      ctx.font = `100px ${TEXT_FONT}`;
      width = ctx.measureText(line).width / 100;
      if (widths.size > REMEMBERED_LINES) widths.clear();
      widths.set(line, width);
    }
    return width * fontSize;
  };
}

/** `canvasTextWidth` on a canvas of its own; the estimate where the browser gives no 2D context. */
export function browserTextWidth(): TextWidth {
  const ctx = new OffscreenCanvas(1, 1).getContext("2d");
  return ctx ? canvasTextWidth(ctx) : estimateTextWidth;
}

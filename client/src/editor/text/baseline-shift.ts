import { TEXT_LINE_HEIGHT } from "@whiteboard/shared";
import { TEXT_FONT_FAMILY } from "../../geometry/text-measure";

/**
 * How far (in ems) a textarea's glyphs sit below the board's. The board draws text with
 * `textBaseline = "top"` at the element's `y`; CSS centres the font's ascent and descent in each
 * line box, which puts the baseline lower by an amount that depends on the font. Measured with
 * the same font, so the caret lands on the drawn letters. (`emHeightAscent` would say it
 * directly, but Chromium does not have it: the distance between the two baselines is the
 * difference of the font's ascent measured from each.)
 */
export function textareaBaselineShift(ctx: CanvasRenderingContext2D | null): number {
  if (!ctx) return 0;
  const size = 100;
  ctx.font = `${size}px ${TEXT_FONT_FAMILY}`;
  ctx.textBaseline = "alphabetic";
  const alphabetic = ctx.measureText("Hg");
  ctx.textBaseline = "top";
  const top = ctx.measureText("Hg");
  const fontAscent = alphabetic.fontBoundingBoxAscent;
  const fontDescent = alphabetic.fontBoundingBoxDescent;
  const canvasBaseline = fontAscent - top.fontBoundingBoxAscent;
  if (![fontAscent, fontDescent, canvasBaseline].every(Number.isFinite)) return 0;
  const cssBaseline = (size * TEXT_LINE_HEIGHT - (fontAscent + fontDescent)) / 2 + fontAscent;
  return (cssBaseline - canvasBaseline) / size;
}

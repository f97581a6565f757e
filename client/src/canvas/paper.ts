import type { ColorScheme } from "./color-scheme";

/** The paper under the ink in each scheme, and its dot grid. The page's CSS uses the same tones. */
export const PAPER: Record<ColorScheme, { paper: string; dot: string }> = {
  light: { paper: "#fcfcfd", dot: "#d9d9e0" },
  dark: { paper: "#1a1a1f", dot: "#34343e" },
};
/** Light paper: what an image export is drawn on. */
export const PAPER_COLOR = PAPER.light.paper;
/** Dots every 24 board units; when that is under 12 CSS pixels apart, every other dot, and so on. */
const GRID_STEP = 24;
const MIN_DOT_SPACING_PX = 12;
/** A dot is this many CSS pixels square. */
const DOT_PX = 2;

/**
 * Paints paper and the dot grid (which moves with the board, so a pan shows on an empty board)
 * over a board rectangle. The context is in device pixels; `scale` is device pixels per board
 * unit and `pixelRatio` device pixels per CSS pixel. The dots are one path and one fill.
 */
export function drawPaper(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  area: { minX: number; minY: number; maxX: number; maxY: number },
  origin: { x: number; y: number },
  scale: number,
  pixelRatio: number,
  scheme: ColorScheme,
): void {
  const { paper, dot } = PAPER[scheme];
  const toX = (x: number) => origin.x + (x - area.minX) * scale;
  const toY = (y: number) => origin.y + (y - area.minY) * scale;
  ctx.fillStyle = paper;
  ctx.fillRect(toX(area.minX), toY(area.minY), (area.maxX - area.minX) * scale, (area.maxY - area.minY) * scale);
  const cssZoom = scale / pixelRatio;
  let step = GRID_STEP;
  while (step * cssZoom < MIN_DOT_SPACING_PX) step *= 2;
  const size = DOT_PX * pixelRatio;
  ctx.fillStyle = dot;
  ctx.beginPath();
  for (let x = Math.ceil(area.minX / step) * step; x <= area.maxX; x += step) {
    for (let y = Math.ceil(area.minY / step) * step; y <= area.maxY; y += step) {
      ctx.rect(toX(x) - size / 2, toY(y) - size / 2, size, size);
    }
  }
  ctx.fill();
}

import type { Viewport } from "./viewport";

/** The board is paper-white in either colour scheme: ink colours are shared, and dark ink must stay readable. */
export const PAPER_COLOR = "#fcfcfd";
const DOT_COLOR = "#d9d9e0";
/** Dots every 24 board units; when that is under 12 pixels apart, every other dot, and so on. */
const GRID_STEP = 24;
const MIN_DOT_SPACING_PX = 12;

/** Fills the canvas with paper and a dot grid that moves with the board, so a pan is visible on an empty board. */
export function drawPaper(ctx: CanvasRenderingContext2D, viewport: Viewport, cssWidth: number, cssHeight: number): void {
  ctx.fillStyle = PAPER_COLOR;
  ctx.fillRect(0, 0, cssWidth, cssHeight);
  let step = GRID_STEP;
  while (step * viewport.zoom < MIN_DOT_SPACING_PX) step *= 2;
  const spacing = step * viewport.zoom;
  const offsetX = (Math.ceil(viewport.x / step) * step - viewport.x) * viewport.zoom;
  const offsetY = (Math.ceil(viewport.y / step) * step - viewport.y) * viewport.zoom;
  ctx.fillStyle = DOT_COLOR;
  for (let sx = offsetX; sx < cssWidth; sx += spacing) {
    for (let sy = offsetY; sy < cssHeight; sy += spacing) ctx.fillRect(sx - 1, sy - 1, 2, 2);
  }
}

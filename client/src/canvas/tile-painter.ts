import type { ColorScheme } from "./color-scheme";
import { drawEntries } from "./draw-batch";
import type { DrawOptions } from "./draw-element";
import type { OutlineCache } from "./outline-cache";
import { drawPaper } from "./paper";
import type { Scene, SceneEntry } from "./scene";
import type { Tile, TileCache } from "./tile-cache";
import { TILE_GUTTER, tileBounds } from "./tile-grid";

export interface PaintContext {
  scene: Scene;
  cache: TileCache;
  /** Colours and kept outlines (the scale is the tile layer's own). */
  ink: DrawOptions["ink"];
  outlines: OutlineCache;
  scheme: ColorScheme;
  pixelRatio: number;
  /** Elements being changed right now are drawn over the tiles each frame, not baked into them. */
  skip: (entry: SceneEntry) => boolean;
  /** Whether the frame's time for drawing tiles is up. */
  timeUp: () => boolean;
}

/**
 * Draws a tile (paper, dots and ink: tiles are opaque, so the screen is nothing but copies of
 * them), or goes on drawing it, until it is done or the frame's time is up. The new drawing goes
 * into a bitmap of its own and replaces the tile's only once finished, so a tile that takes
 * several frames keeps showing its previous drawing meanwhile. Returns whether it is now fresh.
 */
export function paintTile(tile: Tile, context: PaintContext): boolean {
  if (tile.fresh) return true;
  const { scene, cache, ink, outlines, skip, timeUp } = context;
  const { scale } = tile.coord;
  const bounds = tileBounds(tile.coord);
  if (tile.job === null || tile.job.version !== tile.version) {
    if (tile.job) cache.releaseCanvas(tile.job.canvas);
    // The gutter shows what lies just outside the tile, so elements reaching into it count too.
    const margin = TILE_GUTTER / scale;
    const area = { minX: bounds.minX - margin, minY: bounds.minY - margin, maxX: bounds.maxX + margin, maxY: bounds.maxY + margin };
    const entries = scene.query(area).filter((entry) => !skip(entry));
    const canvas = cache.acquireCanvas();
    const ctx = context2d(canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawPaper(ctx, area, { x: 0, y: 0 }, scale, context.pixelRatio, context.scheme);
    tile.job = { version: tile.version, canvas, entries, next: 0 };
  }
  const job = tile.job;
  if (job.next < job.entries.length) {
    const ctx = context2d(job.canvas);
    ctx.setTransform(scale, 0, 0, scale, TILE_GUTTER - bounds.minX * scale, TILE_GUTTER - bounds.minY * scale);
    // The canvas only records calls and draws them later, when its pixels are needed: reading
    // one pixel makes it draw now, so the clock sees what the drawing really costs.
    const spent = () => {
      ctx.getImageData(0, 0, 1, 1);
      return timeUp();
    };
    job.next = drawEntries(ctx, job.entries, job.next, { scale, ink, outlines }, spent);
    if (job.next < job.entries.length) return false;
  }

  tile.image?.close();
  tile.image = job.canvas.transferToImageBitmap();
  cache.releaseCanvas(job.canvas);
  tile.job = null;
  tile.fresh = true;
  return true;
}

/** Tiles are opaque (paper under the ink) and read back a pixel at a time: the context says so. */
function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  return canvas.getContext("2d", { alpha: false, willReadFrequently: true })!;
}

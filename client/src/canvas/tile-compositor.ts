import type { Bounds } from "./bounds";
import type { TileCache } from "./tile-cache";
import { TILE_GUTTER, TILE_SIZE, type TileCoord, tileBounds, tileRange } from "./tile-grid";
import type { Viewport } from "./viewport";

/** How far (as a power of two) a stand-in layer's scale may be from the view's: 8x at most. */
const STAND_IN_RANGE = 3;
/** A layer much finer than the view would need many tiles to stand in for one: 4x at most. */
const FINER_RANGE = 2;

/**
 * Copies tiles onto the screen; the context's transform must be the identity (device pixels).
 * Board points land on whole device pixels, rounded the same way for every tile, so tiles meet
 * without seams, and a layer at the view's own scale is copied pixel for pixel.
 *
 * A tile with no drawing yet is stood in for by the other layers' tiles over the same area
 * (the blurriest first, the sharpest last, so the sharpest wins), on plain paper: zooming shows
 * the old picture, stretched, while the new one is drawn.
 */
export function blitTiles(
  ctx: CanvasRenderingContext2D,
  cache: TileCache,
  coords: readonly TileCoord[],
  view: Viewport,
  ratio: number,
  paper: string,
): void {
  const scale = view.zoom * ratio;
  const sx = (x: number) => Math.round((x - view.x) * scale);
  const sy = (y: number) => Math.round((y - view.y) * scale);
  let standIns: number[] | null = null;

  for (const coord of coords) {
    const tile = cache.get(coord);
    const b = tileBounds(coord);
    const x0 = sx(b.minX);
    const y0 = sy(b.minY);
    if (tile?.image) {
      ctx.drawImage(tile.image, TILE_GUTTER, TILE_GUTTER, TILE_SIZE, TILE_SIZE, x0, y0, sx(b.maxX) - x0, sy(b.maxY) - y0);
      continue;
    }
    ctx.fillStyle = paper;
    ctx.fillRect(x0, y0, sx(b.maxX) - x0, sy(b.maxY) - y0);
    standIns ??= standInLayers(cache.layers(), coord.scale);
    for (const layer of standIns) copyArea(ctx, cache, layer, b, sx, sy);
  }
}

/** Other layers that may stand in for one of `scale`, the worst first. */
function standInLayers(layers: readonly number[], scale: number): number[] {
  const badness = (layer: number) => {
    const octaves = Math.log2(layer / scale);
    // Blown up (a coarser layer) looks worse than shrunk by as much.
    return octaves < 0 ? -octaves * 1.5 : octaves;
  };
  return layers
    .filter((layer) => layer !== scale && Math.abs(Math.log2(layer / scale)) <= (layer > scale ? FINER_RANGE : STAND_IN_RANGE))
    .sort((a, b) => badness(b) - badness(a));
}

/** Copies what a layer's tiles show of a board area onto the same area of the screen. */
function copyArea(
  ctx: CanvasRenderingContext2D,
  cache: TileCache,
  scale: number,
  area: Bounds,
  sx: (x: number) => number,
  sy: (y: number) => number,
): void {
  const range = tileRange(scale, area);
  for (let ty = range.minTy; ty <= range.maxTy; ty++) {
    for (let tx = range.minTx; tx <= range.maxTx; tx++) {
      const tile = cache.get({ scale, tx, ty });
      if (!tile?.image) continue;
      const b = tileBounds(tile.coord);
      const minX = Math.max(area.minX, b.minX);
      const minY = Math.max(area.minY, b.minY);
      const maxX = Math.min(area.maxX, b.maxX);
      const maxY = Math.min(area.maxY, b.maxY);
      const x0 = sx(minX);
      const y0 = sy(minY);
      const w = sx(maxX) - x0;
      const h = sy(maxY) - y0;
      if (w <= 0 || h <= 0) continue;
      ctx.drawImage(
        tile.image,
        TILE_GUTTER + (minX - b.minX) * scale,
        TILE_GUTTER + (minY - b.minY) * scale,
        (maxX - minX) * scale,
        (maxY - minY) * scale,
        x0,
        y0,
        w,
        h,
      );
    }
  }
}

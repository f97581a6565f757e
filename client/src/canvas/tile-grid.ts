import type { Bounds } from "./bounds";

/**
 * The board cut into square tiles, in layers: each layer draws the board at one scale (device
 * pixels per board unit). While the zoom changes the screen is drawn from power-of-two layers
 * ("levels": level n is 2^n pixels per unit), the level at or just above the screen's scale, so
 * tiles are only ever shrunk on screen, by at most half, never blown up and blurred. Once the
 * zoom rests, a layer at exactly the screen's scale is drawn, so the picture is sharp and a pan
 * copies pixels one for one.
 */

/** Device pixels of board a tile shows: small enough to draw a few per frame, big enough to copy few. */
export const TILE_SIZE = 256;
/**
 * Extra pixels drawn around a tile: when the tile is scaled on screen, its edge pixels are
 * interpolated with these rather than with whatever lies outside, so no seams show between tiles.
 */
export const TILE_GUTTER = 2;
/** From MIN_ZOOM 0.1 at one device pixel per CSS pixel up to MAX_ZOOM 8 on a 4x display. */
export const MIN_LEVEL = -4;
export const MAX_LEVEL = 5;
/**
 * A scale this little above a level still uses it (shrinking by up to this much less than 1:1 is
 * invisible), so a zoom that lands a hair over 100% does not redraw everything at 200%.
 */
const LEVEL_SLACK = 1.02;

export interface TileCoord {
  /** The layer's device pixels per board unit. */
  scale: number;
  tx: number;
  ty: number;
}

export interface TileRange {
  scale: number;
  minTx: number;
  minTy: number;
  maxTx: number;
  maxTy: number;
}

/** The level to draw a view at `scale` device pixels per board unit from while zooming. */
export function levelFor(scale: number): number {
  const level = Math.ceil(Math.log2(scale / LEVEL_SLACK));
  // `+ 0` turns the -0 that `ceil` gives just under 1 into 0, which keys and prints as "0".
  return Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, Number.isFinite(level) ? level : 0)) + 0;
}

export function levelScale(level: number): number {
  return 2 ** level;
}

/** Whether a layer of `scale` shows a view at `viewScale` one for one (near enough to be invisible). */
export function isExact(scale: number, viewScale: number): boolean {
  return Math.abs(scale / viewScale - 1) < 0.002;
}

/** Board units one tile spans in a layer. */
export function tileSpan(scale: number): number {
  return TILE_SIZE / scale;
}

/** The board area a tile shows, without its gutter. */
export function tileBounds({ scale, tx, ty }: TileCoord): Bounds {
  const span = tileSpan(scale);
  return { minX: tx * span, minY: ty * span, maxX: (tx + 1) * span, maxY: (ty + 1) * span };
}

/** The tiles of a layer that meet `rect`. */
export function tileRange(scale: number, rect: Bounds): TileRange {
  const span = tileSpan(scale);
  return {
    scale,
    minTx: Math.floor(rect.minX / span),
    minTy: Math.floor(rect.minY / span),
    // A rectangle ending exactly on a tile edge does not reach into the next tile.
    maxTx: Math.ceil(rect.maxX / span) - 1,
    maxTy: Math.ceil(rect.maxY / span) - 1,
  };
}

export function rangeSize(range: TileRange): number {
  return Math.max(0, range.maxTx - range.minTx + 1) * Math.max(0, range.maxTy - range.minTy + 1);
}

export function grow(range: TileRange, by: number): TileRange {
  return { ...range, minTx: range.minTx - by, minTy: range.minTy - by, maxTx: range.maxTx + by, maxTy: range.maxTy + by };
}

/** The tiles of a range, the ones nearest its centre first: the middle of the screen fills in first. */
export function tilesFromCentre(range: TileRange): TileCoord[] {
  const cx = (range.minTx + range.maxTx) / 2;
  const cy = (range.minTy + range.maxTy) / 2;
  const tiles: TileCoord[] = [];
  for (let ty = range.minTy; ty <= range.maxTy; ty++) {
    for (let tx = range.minTx; tx <= range.maxTx; tx++) tiles.push({ scale: range.scale, tx, ty });
  }
  const distance = (t: TileCoord) => (t.tx - cx) ** 2 + (t.ty - cy) ** 2;
  return tiles.sort((a, b) => distance(a) - distance(b));
}

export function tileKey({ scale, tx, ty }: TileCoord): string {
  return `${scale}/${tx}/${ty}`;
}

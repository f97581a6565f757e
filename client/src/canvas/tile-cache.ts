import type { Bounds } from "./bounds";
import type { SceneEntry } from "./scene";
import { TILE_GUTTER, TILE_SIZE, type TileCoord, rangeSize, tileKey, tileRange } from "./tile-grid";

/** Side of a tile's bitmap: the tile and its gutter on both sides. */
export const TILE_PIXELS = TILE_SIZE + 2 * TILE_GUTTER;

/** A drawing of a tile in progress, possibly over several frames. */
export interface TileJob {
  /** The tile's version when it started: a later invalidation makes it worthless. */
  version: number;
  canvas: OffscreenCanvas;
  /** What the tile shows, in paint order, as the scene had it when the job started. */
  entries: SceneEntry[];
  /** The next entry to draw. */
  next: number;
}

export interface Tile {
  readonly coord: TileCoord;
  readonly key: string;
  /** The last finished drawing (paper and ink, opaque), shown until a newer one finishes; null before the first. */
  image: ImageBitmap | null;
  /** Whether `canvas` shows the scene as it is now. */
  fresh: boolean;
  /** Bumped by every invalidation. */
  version: number;
  job: TileJob | null;
  /** The frame that last needed it: the least recently needed go first when the cache is full. */
  lastUsed: number;
}

export interface TileCache {
  get(coord: TileCoord): Tile | undefined;
  /** The tile at `coord`, created (empty, not fresh) when absent. */
  ensure(coord: TileCoord): Tile;
  /** Marks every cached tile that shows part of `rect` as out of date. */
  invalidate(rect: Bounds): void;
  /** Marks every tile out of date (they stay on screen until redrawn). */
  invalidateAll(): void;
  /** Forgets every drawing (the colours changed): tiles are drawn again from nothing. */
  clear(): void;
  /** The scales of the layers that have tiles. */
  layers(): number[];
  /** Forgets one layer's tiles (a zoom the view has left). */
  dropLayer(scale: number): void;
  /** Drops the least recently used tiles beyond `max`, never one used in frame `keepFrame`. */
  evict(max: number, keepFrame: number): void;
  /** A canvas for a job to draw on, reused when there is one spare. */
  acquireCanvas(): OffscreenCanvas;
  releaseCanvas(canvas: OffscreenCanvas): void;
  readonly size: number;
}

/** Spare canvases kept for reuse: jobs in progress need one each, finished tiles none. */
const POOL_LIMIT = 16;

export function createTileCache(createCanvas: (width: number, height: number) => OffscreenCanvas): TileCache {
  /** Tiles by layer, then by key: an invalidation only walks the layers that have tiles. */
  const layers = new Map<number, Map<string, Tile>>();
  const pool: OffscreenCanvas[] = [];
  let size = 0;

  const release = (canvas: OffscreenCanvas | null) => {
    if (canvas !== null && pool.length < POOL_LIMIT) pool.push(canvas);
  };
  const drop = (tile: Tile) => {
    // Closing frees the pixels now rather than whenever the garbage collector runs.
    tile.image?.close();
    if (tile.job) release(tile.job.canvas);
    tile.image = null;
    tile.job = null;
  };
  const stale = (tile: Tile) => {
    tile.fresh = false;
    tile.version++;
    if (tile.job) release(tile.job.canvas);
    tile.job = null;
  };
  const remove = (tile: Tile) => {
    drop(tile);
    const tiles = layers.get(tile.coord.scale)!;
    tiles.delete(tile.key);
    if (tiles.size === 0) layers.delete(tile.coord.scale);
    size--;
  };

  return {
    get(coord) {
      return layers.get(coord.scale)?.get(tileKey(coord));
    },
    ensure(coord) {
      let layer = layers.get(coord.scale);
      if (!layer) layers.set(coord.scale, (layer = new Map()));
      const key = tileKey(coord);
      let tile = layer.get(key);
      if (!tile) {
        tile = { coord: { ...coord }, key, image: null, fresh: false, version: 0, job: null, lastUsed: 0 };
        layer.set(key, tile);
        size++;
      }
      return tile;
    },
    invalidate(rect) {
      for (const [scale, tiles] of layers) {
        const range = tileRange(scale, rect);
        const cells = rangeSize(range);
        // A huge rectangle over a few tiles: check the tiles, not every key the rectangle covers.
        if (!(cells <= tiles.size)) {
          for (const tile of tiles.values()) {
            const { tx, ty } = tile.coord;
            if (tx >= range.minTx && tx <= range.maxTx && ty >= range.minTy && ty <= range.maxTy) stale(tile);
          }
          continue;
        }
        for (let ty = range.minTy; ty <= range.maxTy; ty++) {
          for (let tx = range.minTx; tx <= range.maxTx; tx++) {
            const tile = tiles.get(tileKey({ scale, tx, ty }));
            if (tile) stale(tile);
          }
        }
      }
    },
    invalidateAll() {
      for (const tiles of layers.values()) for (const tile of tiles.values()) stale(tile);
    },
    clear() {
      for (const tiles of layers.values()) for (const tile of tiles.values()) drop(tile);
      layers.clear();
      size = 0;
    },
    layers: () => [...layers.keys()],
    dropLayer(scale) {
      for (const tile of [...(layers.get(scale)?.values() ?? [])]) remove(tile);
    },
    evict(max, keepFrame) {
      if (size <= max) return;
      const all: Tile[] = [];
      for (const tiles of layers.values()) for (const tile of tiles.values()) if (tile.lastUsed !== keepFrame) all.push(tile);
      all.sort((a, b) => a.lastUsed - b.lastUsed);
      for (const tile of all.slice(0, size - max)) remove(tile);
    },
    acquireCanvas() {
      return pool.pop() ?? createCanvas(TILE_PIXELS, TILE_PIXELS);
    },
    releaseCanvas(canvas) {
      release(canvas);
    },
    get size() {
      return size;
    },
  };
}

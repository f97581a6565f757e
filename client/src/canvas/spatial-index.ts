import type { Bounds } from "./bounds";

/**
 * Which items' boxes meet a rectangle or a point, without looking at every item: the renderer
 * asks it for what a tile or the screen shows, hit testing and the eraser for what is under the
 * pointer. Items are keyed by id so a changed element moves in place.
 */
export interface SpatialIndex<T> {
  readonly size: number;
  /** Adds an item, or moves and replaces the one already under `id`. */
  set(id: string, bounds: Bounds, item: T): void;
  /** Removes the item under `id`; false when there was none. */
  delete(id: string): boolean;
  get(id: string): T | undefined;
  boundsOf(id: string): Bounds | undefined;
  /** Every item whose box meets `rect` (touching edges count), each once, in no particular order. */
  search(rect: Bounds): T[];
  /** Every item whose box, grown by `tolerance` on each side, contains the point. */
  searchPoint(x: number, y: number, tolerance?: number): T[];
  clear(): void;
}

/**
 * A hierarchy of uniform grids (a "loose" multi-level spatial hash). An item lives in the finest
 * grid whose cells are at least as large as its box, so it touches at most four cells there: a
 * pen stroke of a few hundred units and a rectangle the size of the board both cost O(1) to add,
 * move or remove, which a board edited live needs far more than an R-tree's tighter searches.
 */
const FINEST_CELL = 64;
/** Each grid's cells are this many times wider than the previous grid's. */
const CELL_GROWTH = 4;
/** 64 * 4^10 is about 67 million units: wider items, and items out at absurd coordinates, go in one list. */
const GRIDS = 11;
/** Cell coordinates are packed into one number; beyond this the item goes in the unbounded list. */
const MAX_CELL_COORD = 1 << 20;

interface Slot<T> {
  id: string;
  bounds: Bounds;
  item: T;
  /** Grid number, or -1 for the unbounded list. */
  grid: number;
  cells: number[];
  /** The search that last reported this record: an item in several cells is reported once. */
  seen: number;
}

interface Grid<T> {
  cellSize: number;
  cells: Map<number, Set<Slot<T>>>;
  count: number;
}

export function createSpatialIndex<T>(): SpatialIndex<T> {
  const records = new Map<string, Slot<T>>();
  const grids: Grid<T>[] = Array.from({ length: GRIDS }, (_, i) => ({
    cellSize: FINEST_CELL * CELL_GROWTH ** i,
    cells: new Map(),
    count: 0,
  }));
  const unbounded = new Set<Slot<T>>();
  let searchStamp = 0;

  const place = (record: Slot<T>) => {
    const { bounds } = record;
    const extent = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
    for (let g = 0; g < GRIDS; g++) {
      const grid = grids[g]!;
      if (!(extent <= grid.cellSize)) continue;
      const range = cellRange(grid.cellSize, bounds);
      // Out at coordinates a cell key cannot hold: a coarser grid may still hold it.
      if (range === null) continue;
      record.grid = g;
      for (let cy = range.minY; cy <= range.maxY; cy++) {
        for (let cx = range.minX; cx <= range.maxX; cx++) {
          const key = cellKey(cx, cy);
          let cell = grid.cells.get(key);
          if (!cell) grid.cells.set(key, (cell = new Set()));
          cell.add(record);
          record.cells.push(key);
        }
      }
      grid.count++;
      return;
    }
    record.grid = -1;
    unbounded.add(record);
  };

  const unplace = (record: Slot<T>) => {
    if (record.grid < 0) {
      unbounded.delete(record);
      return;
    }
    const grid = grids[record.grid]!;
    for (const key of record.cells) {
      const cell = grid.cells.get(key);
      if (!cell) continue;
      cell.delete(record);
      if (cell.size === 0) grid.cells.delete(key);
    }
    record.cells = [];
    grid.count--;
  };

  const search = (rect: Bounds): T[] => {
    const stamp = ++searchStamp;
    const found: T[] = [];
    const consider = (record: Slot<T>) => {
      if (record.seen === stamp) return;
      record.seen = stamp;
      if (meets(record.bounds, rect)) found.push(record.item);
    };
    for (const grid of grids) {
      if (grid.count === 0) continue;
      const range = cellRange(grid.cellSize, rect);
      const cellCount = range === null ? Number.POSITIVE_INFINITY : (range.maxX - range.minX + 1) * (range.maxY - range.minY + 1);
      // A rectangle far larger than this grid's occupied area: walking the occupied cells is cheaper.
      if (cellCount > grid.cells.size) {
        for (const cell of grid.cells.values()) for (const record of cell) consider(record);
        continue;
      }
      for (let cy = range!.minY; cy <= range!.maxY; cy++) {
        for (let cx = range!.minX; cx <= range!.maxX; cx++) {
          const cell = grid.cells.get(cellKey(cx, cy));
          if (cell) for (const record of cell) consider(record);
        }
      }
    }
    for (const record of unbounded) consider(record);
    return found;
  };

  return {
    get size() {
      return records.size;
    },
    set(id, bounds, item) {
      const existing = records.get(id);
      if (existing) unplace(existing);
      const record: Slot<T> = { id, bounds: { ...bounds }, item, grid: -1, cells: [], seen: existing?.seen ?? 0 };
      records.set(id, record);
      place(record);
    },
    delete(id) {
      const record = records.get(id);
      if (!record) return false;
      unplace(record);
      records.delete(id);
      return true;
    },
    get: (id) => records.get(id)?.item,
    boundsOf(id) {
      const record = records.get(id);
      return record && { ...record.bounds };
    },
    search,
    searchPoint(x, y, tolerance = 0) {
      return search({ minX: x - tolerance, minY: y - tolerance, maxX: x + tolerance, maxY: y + tolerance });
    },
    clear() {
      records.clear();
      unbounded.clear();
      for (const grid of grids) {
        grid.cells.clear();
        grid.count = 0;
      }
    },
  };
}

function meets(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

/** The cells a box covers, or null when it reaches past what a cell key can hold (or is not finite). */
function cellRange(cellSize: number, bounds: Bounds): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const minX = Math.floor(bounds.minX / cellSize);
  const minY = Math.floor(bounds.minY / cellSize);
  const maxX = Math.floor(bounds.maxX / cellSize);
  const maxY = Math.floor(bounds.maxY / cellSize);
  // NaN fails every comparison, so it lands here too.
  if (!(minX >= -MAX_CELL_COORD && minY >= -MAX_CELL_COORD && maxX < MAX_CELL_COORD && maxY < MAX_CELL_COORD)) return null;
  return { minX, minY, maxX, maxY };
}

/** Both cell coordinates in one exact integer (2^21 * 2^21 is well under 2^53). */
function cellKey(cx: number, cy: number): number {
  return (cx + MAX_CELL_COORD) * (2 * MAX_CELL_COORD) + (cy + MAX_CELL_COORD);
}

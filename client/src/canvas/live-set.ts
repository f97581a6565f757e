import type { Bounds } from "./bounds";
import type { SceneChange } from "./scene";

/**
 * Elements being changed right now (a stroke being drawn, a shape being dragged, by us or by
 * anyone) are kept out of the tiles and drawn over them every frame: baking each change into
 * the tiles would redraw every tile under a stroke (and everything else in them) at every point
 * the pen adds. Once an element has been quiet for a moment it is handed back to the tiles.
 * Handing back takes a frame or more (the tiles redraw), so until the screen's tiles are all
 * fresh again a "baking" element is drawn over them as well, and never blinks out.
 */
export interface LiveSet {
  /** Takes the scene's changes; returns the board areas whose tiles must be drawn again. */
  apply(changes: readonly SceneChange[], now: number): Bounds[];
  /** Hands elements quiet since `now - QUIET_MS` back to the tiles; returns the areas to draw again. */
  settle(now: number): Bounds[];
  /** Whether the tiles leave this element out. */
  excludes(id: string): boolean;
  /** Elements to draw over the tiles this frame: the live ones and the baking ones. */
  overlay(): Iterable<string>;
  /** The screen's tiles are all fresh: baking elements are in them now. */
  baked(): void;
  /** When the next element falls quiet, or null when none is live. */
  nextSettle(): number | null;
  readonly size: number;
}

/** How long an element stays out of the tiles after its last change. */
export const QUIET_MS = 400;
/**
 * A refresh that changes more elements than this (a board loading, a big paste, an undo of many)
 * goes straight into the tiles: drawing hundreds of elements over them every frame would cost
 * more than drawing the tiles once.
 */
export const LIVE_BATCH_LIMIT = 64;

export function createLiveSet(): LiveSet {
  /** Live elements: when they were last changed, and where they are now. */
  const live = new Map<string, { changedAt: number; bounds: Bounds }>();
  const baking = new Set<string>();

  return {
    apply(changes, now) {
      const redraw: Bounds[] = [];
      const bulk = changes.length > LIVE_BATCH_LIMIT;
      for (const { id, before, after } of changes) {
        const wasLive = live.has(id);
        baking.delete(id);
        if (bulk || after === null) {
          live.delete(id);
          if (before && !wasLive) redraw.push(before);
          if (after) redraw.push(after);
          continue;
        }
        // It leaves the tiles where it was drawn; it is drawn over them from now on.
        if (before && !wasLive) redraw.push(before);
        live.set(id, { changedAt: now, bounds: after });
      }
      return redraw;
    },
    settle(now) {
      const redraw: Bounds[] = [];
      for (const [id, { changedAt, bounds }] of live) {
        if (now - changedAt < QUIET_MS) continue;
        live.delete(id);
        baking.add(id);
        redraw.push(bounds);
      }
      return redraw;
    },
    excludes: (id) => live.has(id),
    *overlay() {
      yield* live.keys();
      yield* baking;
    },
    baked() {
      baking.clear();
    },
    nextSettle() {
      let next: number | null = null;
      for (const { changedAt } of live.values()) next = Math.min(next ?? Number.POSITIVE_INFINITY, changedAt + QUIET_MS);
      return next;
    },
    get size() {
      return live.size + baking.size;
    },
  };
}

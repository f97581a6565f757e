import type { SceneEntry } from "./scene";

/**
 * Keeps the outlines (Path2D) of the strokes drawn most recently at full detail, and drops the
 * rest: an outline is a few kilobytes of native memory, and panning across a board of 50,000
 * strokes at 100% would otherwise keep every one of them. A dropped outline is simply built
 * again (perfect-freehand, a fraction of a millisecond) if its stroke is drawn again.
 * The outline lives on the entry (`entry.path`), so the scene still drops it when the stroke changes.
 */
export interface OutlineCache {
  /** The entry's outline, built with `build` when it has none. */
  get(entry: SceneEntry, build: () => Path2D): Path2D;
  readonly size: number;
}

export function createOutlineCache(limit: number): OutlineCache {
  /** Entries holding an outline, least recently used first (a Set keeps insertion order). */
  const held = new Set<SceneEntry>();
  return {
    get(entry, build) {
      if (entry.path !== null) {
        held.delete(entry);
        held.add(entry);
        return entry.path;
      }
      const path = build();
      entry.path = path;
      held.delete(entry);
      held.add(entry);
      for (const oldest of held) {
        if (held.size <= limit) break;
        oldest.path = null;
        held.delete(oldest);
      }
      return path;
    },
    get size() {
      return held.size;
    },
  };
}

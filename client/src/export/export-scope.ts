import type * as Y from "yjs";
import type { Bounds } from "../canvas/bounds";
import { type SceneEntry, createScene } from "../canvas/scene";

/** What an export covers: the whole board, or only the elements whose ids are in `selection`. */
export interface ExportScope {
  selection?: ReadonlySet<string> | undefined;
}

/**
 * Room around the ink in an image export, in board units: ink touching the image's edge looks
 * cropped, and the background needs a margin to read as paper.
 */
export const EXPORT_PADDING = 16;

/**
 * The elements to export, in paint order, read exactly as the board's renderer reads them (so
 * what the app cannot draw is not exported either). A throwaway scene: nothing is kept watching
 * the doc afterwards.
 */
export function exportEntries(doc: Y.Doc, { selection }: ExportScope): SceneEntry[] {
  const scene = createScene(doc);
  try {
    const entries = scene.entries();
    return selection ? entries.filter((entry) => selection.has(entry.element.id)) : [...entries];
  } finally {
    scene.destroy();
  }
}

/**
 * The board-space rectangle an image export shows: every entry's box plus the padding, on whole
 * board units so that image size is exactly `(maxX - minX) * scale`. Nothing to export still
 * makes a small blank image rather than a failure.
 */
export function exportFrame(entries: readonly SceneEntry[]): Bounds {
  if (entries.length === 0) return { minX: 0, minY: 0, maxX: EXPORT_PADDING * 2, maxY: EXPORT_PADDING * 2 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { board } of entries) {
    minX = Math.min(minX, board.minX);
    minY = Math.min(minY, board.minY);
    maxX = Math.max(maxX, board.maxX);
    maxY = Math.max(maxY, board.maxY);
  }
  return {
    minX: Math.floor(minX - EXPORT_PADDING),
    minY: Math.floor(minY - EXPORT_PADDING),
    maxX: Math.ceil(maxX + EXPORT_PADDING),
    maxY: Math.ceil(maxY + EXPORT_PADDING),
  };
}

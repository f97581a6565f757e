import type * as Y from "yjs";
import { FULL_DETAIL, drawElement } from "../canvas/draw-element";
import { PAPER_COLOR } from "../canvas/paper";
import { type ExportScope, exportEntries, exportFrame } from "./export-scope";
import { fitScale } from "./png-size";

export interface PngOptions extends ExportScope {
  /** No paper behind the ink: the PNG keeps its alpha channel. */
  transparent: boolean;
  /** Image pixels per board unit; lowered when the image would be larger than browsers can make. */
  scale: number;
}

/**
 * The board (or the selection) as a PNG, drawn by the board's own renderer (`drawElement`) on a
 * canvas that is never shown, in a frame fitted to the ink: `(maxX - minX) * scale` pixels wide.
 */
export async function exportPng(doc: Y.Doc, { selection, transparent, scale }: PngOptions): Promise<Blob> {
  const entries = exportEntries(doc, { selection });
  const frame = exportFrame(entries);
  const width = frame.maxX - frame.minX;
  const height = frame.maxY - frame.minY;
  const fitted = fitScale(width, height, scale);

  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * fitted));
  canvas.height = Math.max(1, Math.round(height * fitted));
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("the browser gave no 2D canvas context");
  ctx.setTransform(fitted, 0, 0, fitted, -frame.minX * fitted, -frame.minY * fitted);
  if (!transparent) {
    ctx.fillStyle = PAPER_COLOR;
    ctx.fillRect(frame.minX, frame.minY, width, height);
  }
  // Full detail in the stored colours, whatever the screen's zoom and colour scheme.
  for (const entry of entries) drawElement(ctx, entry, FULL_DETAIL);

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error(`the browser could not encode a ${canvas.width}×${canvas.height} PNG`);
  return blob;
}

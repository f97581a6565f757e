import type * as Y from "yjs";
import { PAPER_COLOR } from "../canvas/paper";
import { type ExportScope, exportEntries, exportFrame } from "./export-scope";
import { attrs } from "./svg-markup";
import { svgElement } from "./svg-element";

export interface SvgOptions extends ExportScope {
  /** No paper behind the ink: for placing the drawing on something else. */
  transparent: boolean;
}

/**
 * The board (or the selection) as a standalone SVG document: every element as the board draws
 * it, in paint order, in a frame fitted to the ink. One SVG unit is one board unit.
 */
export function exportSvg(doc: Y.Doc, { selection, transparent }: SvgOptions): string {
  const entries = exportEntries(doc, { selection });
  const frame = exportFrame(entries);
  const width = frame.maxX - frame.minX;
  const height = frame.maxY - frame.minY;
  const root = attrs({
    xmlns: "http://www.w3.org/2000/svg",
    width,
    height,
    viewBox: `${frame.minX} ${frame.minY} ${width} ${height}`,
  });
  const paper = transparent ? "" : `<rect${attrs({ x: frame.minX, y: frame.minY, width, height, fill: PAPER_COLOR })}/>`;
  return `<svg${root}>${paper}${entries.map(svgElement).join("")}</svg>\n`;
}

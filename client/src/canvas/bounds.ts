import { type Element, POLYLINE_POINT_SIZE, STROKE_POINT_SIZE, TEXT_LINE_HEIGHT, TEXT_MIN_WIDTH, flatPointsExtent } from "@whiteboard/shared";
import type { Viewport } from "./viewport";

/** An axis-aligned box. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** How wide a line of text is drawn at a font size, in board units. */
export type TextWidth = (line: string, fontSize: number) => number;

/**
 * Without a canvas to measure with (tests, exports), a generous guess: wider than most text
 * (a line of capitals W runs past it, so the renderer measures).
 */
const TEXT_ADVANCE_PER_CHAR = 0.65;
export const estimateTextWidth: TextWidth = (line, fontSize) => line.length * fontSize * TEXT_ADVANCE_PER_CHAR;
/**
 * Room around measured text, in font sizes: glyphs overhang their advance a little (italics,
 * a final "f"), and text cut at a tile's edge because its box was a hair short would show.
 */
const TEXT_OVERHANG = 0.15;

/** An element's box before rotation, relative to its `x`, `y`, ink width included. */
export function localBounds(element: Element, textWidth: TextWidth = estimateTextWidth): Bounds {
  switch (element.type) {
    case "stroke":
      return pointsBounds(element.points, STROKE_POINT_SIZE, element.width);
    case "line":
    case "arrow":
      // An arrowhead reaches a few widths past the line; `arrowHeadLength` stays within this.
      return pointsBounds(element.points, POLYLINE_POINT_SIZE, element.width * 4 + 16);
    case "rect":
    case "ellipse": {
      const half = element.width / 2;
      return { minX: -half, minY: -half, maxX: element.w + half, maxY: element.h + half };
    }
    case "text": {
      const lines = element.text.split("\n");
      // As wide as hit testing takes it (element-shape.ts), so both turn it about one centre.
      let widest = element.fontSize * TEXT_MIN_WIDTH;
      for (const line of lines) widest = Math.max(widest, textWidth(line, element.fontSize));
      const pad = element.fontSize * TEXT_OVERHANG;
      return { minX: -pad, minY: -pad, maxX: widest + pad, maxY: lines.length * element.fontSize * TEXT_LINE_HEIGHT + pad };
    }
    default: {
      const unhandled: never = element;
      return unhandled;
    }
  }
}

export function centreOf(bounds: Bounds): { x: number; y: number } {
  return { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };
}

/** Board-space box of an element; a rotated one gets the circle its box can sweep, which is enough for culling. */
export function boardBounds(element: Element, local: Bounds): Bounds {
  if (!element.rotation) {
    return {
      minX: element.x + local.minX,
      minY: element.y + local.minY,
      maxX: element.x + local.maxX,
      maxY: element.y + local.maxY,
    };
  }
  const centre = centreOf(local);
  const radius = Math.hypot(local.maxX - local.minX, local.maxY - local.minY) / 2;
  const cx = element.x + centre.x;
  const cy = element.y + centre.y;
  return { minX: cx - radius, minY: cy - radius, maxX: cx + radius, maxY: cy + radius };
}

export function visibleBounds(viewport: Viewport, cssWidth: number, cssHeight: number): Bounds {
  return {
    minX: viewport.x,
    minY: viewport.y,
    maxX: viewport.x + cssWidth / viewport.zoom,
    maxY: viewport.y + cssHeight / viewport.zoom,
  };
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

function pointsBounds(points: readonly number[], size: number, pad: number): Bounds {
  const { minX, minY, maxX, maxY } = flatPointsExtent(points, size);
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}

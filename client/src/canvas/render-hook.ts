/**
 * A test and benchmark hook: `window.__whiteboardRender` says what the board canvas has drawn,
 * so the e2e suite can wait for a finished picture and the benchmark can time frames, without
 * scraping pixels. Nothing in the app reads it.
 */
export interface RenderStats {
  /** Frames the canvas has drawn since it was mounted. */
  framesDrawn: number;
  /** How long the renderer spent on the last frame, in ms. */
  lastFrameMs: number;
  /** Whether the screen shows the final picture: every tile in view drawn, no element still being changed. */
  fullyDrawn: boolean;
  /** `performance.now()` of the frame that last finished the picture, or null before the first. */
  fullyDrawnAt: number | null;
  /** Drawable elements in the scene at the last frame. */
  elements: number;
  /** Tiles kept, and the scale (device pixels per board unit) of the layer the screen is drawn from. */
  tiles: number;
  layerScale: number;
  /**
   * The renderer's recent frames, the last 2,000: when each started (`performance.now()`), how
   * long it took, and how many tiles it drew (or went on drawing).
   */
  frames: FrameRecord[];
}

declare global {
  interface Window {
    __whiteboardRender?: RenderStats;
  }
}

export interface FrameRecord {
  at: number;
  ms: number;
  tiles: number;
}

const KEEP_FRAMES = 2000;

export function exposeRenderStats(win: Window): { stats: RenderStats; record(frame: FrameRecord): void; hide(): void } {
  const stats: RenderStats = { framesDrawn: 0, lastFrameMs: 0, fullyDrawn: false, fullyDrawnAt: null, elements: 0, tiles: 0, layerScale: 1, frames: [] };
  win.__whiteboardRender = stats;
  return {
    stats,
    record(frame) {
      stats.framesDrawn++;
      stats.lastFrameMs = frame.ms;
      stats.frames.push(frame);
      if (stats.frames.length > KEEP_FRAMES) stats.frames.splice(0, stats.frames.length - KEEP_FRAMES);
    },
    hide() {
      if (win.__whiteboardRender === stats) delete win.__whiteboardRender;
    },
  };
}

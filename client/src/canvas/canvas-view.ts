import { type Bounds, intersects, visibleBounds } from "./bounds";
import type { ColorScheme } from "./color-scheme";
import { drawEntries } from "./draw-batch";
import type { FrameLoop } from "./frame-loop";
import { type InkResolver, canvasColorProbe, createInkResolver } from "./ink";
import { VIEW_REST_MS, chooseLayer, isLevel } from "./layer-choice";
import { createLiveSet } from "./live-set";
import { createOutlineCache } from "./outline-cache";
import { PAPER } from "./paper";
import { exposeRenderStats } from "./render-hook";
import type { Scene, SceneEntry } from "./scene";
import { createTileCache } from "./tile-cache";
import { blitTiles } from "./tile-compositor";
import { grow, rangeSize, tileRange, tilesFromCentre } from "./tile-grid";
import { type PaintContext, paintTile } from "./tile-painter";
import type { ViewportStore } from "./viewport-store";

export interface CanvasViewOptions {
  canvas: HTMLCanvasElement;
  scene: Scene;
  viewport: ViewportStore;
  frames: FrameLoop;
  /** The display's device pixels per CSS pixel, read at every draw (it changes across monitors). */
  pixelRatio: () => number;
  scheme: ColorScheme;
}

export interface CanvasView {
  /** Shows the board in the other colour scheme from the next frame. */
  setScheme(scheme: ColorScheme): void;
  destroy(): void;
}

/**
 * Time per frame for drawing tiles while the view moves or the user's hand is on the board. The copy of the tiles to the screen and
 * the browser's own paint take up to about 8 ms more in software, so the frame stays inside
 * 16.7 ms; whatever is not drawn in time is drawn in the next frames, the screen meanwhile
 * showing a coarser or stale picture of that part of the board.
 */
const TILE_BUDGET_MOVING_MS = 5;
/**
 * ... and while nobody is steering (a board opening, a zoom settling, others' changes arriving
 * while this user does nothing): finishing the picture sooner then matters more than a frame on
 * every refresh.
 */
const TILE_BUDGET_RESTING_MS = 12;
/** So many changes at once (a board arriving) are cheaper to handle by redrawing every tile. */
const INVALIDATE_ALL_OVER = 1000;
/** Tiles kept beyond those on screen: enough for a few screens of panning and a zoom level each way. */
const SPARE_TILES = 160;
/** Stroke outlines kept: several screens full at 100%, a few tens of megabytes at most. */
const KEPT_OUTLINES = 5000;

/**
 * Keeps a canvas showing the scene through the viewport. Drawing is dirty-driven: nothing is
 * drawn until the doc, the viewport, the colour scheme or the canvas size changes, and then
 * once in the next frame however many changes arrived (plus the frames needed to finish drawing
 * what is on screen).
 *
 * The board is drawn into cached tiles, per level of detail (tile-grid.ts), and the screen is
 * a copy of the tiles: panning and zooming copy bitmaps and draw only tiles that come into view.
 * A change to an element redraws only the tiles it was and is in, and an element being changed
 * right now is drawn over the tiles instead (live-set.ts).
 */
export function createCanvasView({ canvas, scene, viewport, frames, pixelRatio, scheme: initialScheme }: CanvasViewOptions): CanvasView {
  const ctx = canvas.getContext("2d", { alpha: false });
  if (!ctx) throw new Error("the browser gave no 2D canvas context");
  const probeContext = new OffscreenCanvas(1, 1).getContext("2d", { willReadFrequently: true });
  if (!probeContext) throw new Error("the browser gave no 2D canvas context");
  const probe = canvasColorProbe(probeContext);
  const cache = createTileCache((width, height) => new OffscreenCanvas(width, height));
  const live = createLiveSet();
  const outlines = createOutlineCache(KEPT_OUTLINES);
  const hook = exposeRenderStats(window);
  let scheme = initialScheme;
  let ink: InkResolver = createInkResolver(scheme, probe);
  let dirty = true;
  let frame = 0;
  let wasComplete = false;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let restTimer: ReturnType<typeof setTimeout> | null = null;
  let lastView = viewport.getState();
  let viewChangedAt = Number.NEGATIVE_INFINITY;
  /** The user's last pointer or wheel input on the canvas: drawing needs every frame too. */
  let inputAt = Number.NEGATIVE_INFINITY;
  const onInput = () => (inputAt = performance.now());
  const INPUT_EVENTS = ["pointerdown", "pointermove", "wheel"] as const;
  for (const type of INPUT_EVENTS) canvas.addEventListener(type, onInput, { passive: true });
  let lastRatio = pixelRatio();
  /** The layer drawn at exactly the view's scale (not a power of two), while there is one. */
  let exactLayer: number | null = null;

  const invalidate = () => {
    dirty = true;
    hook.stats.fullyDrawn = false;
    wasComplete = false;
    frames.request();
  };

  const redraw = (areas: Bounds[]) => {
    if (areas.length > INVALIDATE_ALL_OVER) {
      cache.invalidateAll();
      return;
    }
    for (const area of areas) cache.invalidate(area);
  };
  const stopRefresh = scene.onRefresh((changes) => {
    redraw(live.apply(changes, performance.now()));
    invalidate();
  });

  const paintContext: PaintContext = {
    scene,
    cache,
    get ink() {
      return ink;
    },
    get scheme() {
      return scheme;
    },
    pixelRatio: lastRatio,
    outlines,
    skip: (entry: SceneEntry) => live.excludes(entry.element.id),
    timeUp: () => true,
  };

  const scheduleSettle = () => {
    const next = live.nextSettle();
    if (next === null || settleTimer !== null) return;
    settleTimer = setTimeout(() => {
      settleTimer = null;
      invalidate();
    }, Math.max(0, next - performance.now()));
  };

  const draw = () => {
    if (!dirty) return;
    const start = performance.now();
    // Every frame starts at least one tile, however long the rest of the frame took.
    let tilesPainted = 0;
    const mayStartTile = () => tilesPainted === 0 || !paintContext.timeUp();
    frame++;

    const elements = scene.size(); // Brings the scene up to date; its changes reach `onRefresh`.
    redraw(live.settle(start));
    dirty = false;

    const ratio = pixelRatio();
    if (ratio !== lastRatio) {
      // The dot grid and every level's meaning are in device pixels.
      lastRatio = ratio;
      paintContext.pixelRatio = ratio;
      cache.clear();
    }
    const cssWidth = canvas.clientWidth;
    const cssHeight = canvas.clientHeight;
    const deviceWidth = Math.max(1, Math.round(cssWidth * ratio));
    const deviceHeight = Math.max(1, Math.round(cssHeight * ratio));
    // Setting a canvas's size clears it, even to the same value: only when it really changed.
    if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
    if (canvas.height !== deviceHeight) canvas.height = deviceHeight;

    const view = viewport.getState();
    if (view !== lastView) {
      lastView = view;
      viewChangedAt = start;
    }
    const moving = start - Math.max(viewChangedAt, inputAt) < VIEW_REST_MS;
    const deadline = start + (moving ? TILE_BUDGET_MOVING_MS : TILE_BUDGET_RESTING_MS);
    paintContext.timeUp = () => performance.now() > deadline;
    const scale = view.zoom * ratio;
    const { layer, askAgainAfterRest } = chooseLayer(scale, exactLayer, start - viewChangedAt);
    if (askAgainAfterRest && restTimer === null) {
      restTimer = setTimeout(() => {
        restTimer = null;
        invalidate();
      }, VIEW_REST_MS);
    }
    if (!isLevel(layer) && layer !== exactLayer) {
      // A new resting zoom: the layer of the last one will not be shown again.
      if (exactLayer !== null) cache.dropLayer(exactLayer);
      exactLayer = layer;
    }
    const visible = visibleBounds(view, cssWidth, cssHeight);
    const range = tileRange(layer, visible);
    const onScreen = tilesFromCentre(range);

    let complete = true;
    for (const coord of onScreen) {
      const tile = cache.ensure(coord);
      tile.lastUsed = frame;
      if (!tile.fresh && mayStartTile()) {
        paintTile(tile, paintContext);
        tilesPainted++;
      }
      if (!tile.fresh) complete = false;
    }
    // With time to spare, the ring of tiles around the screen: a pan then shows them at once.
    let aroundDone = true;
    const around = grow(range, 1);
    if (complete) {
      for (const coord of tilesFromCentre(around)) {
        const tile = cache.ensure(coord);
        tile.lastUsed = frame;
        if (!tile.fresh && mayStartTile()) {
          paintTile(tile, paintContext);
          tilesPainted++;
        }
        if (!tile.fresh) aroundDone = false;
      }
    }

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    blitTiles(ctx, cache, onScreen, view, ratio, PAPER[scheme].paper);
    drawOverlay(view, scale, visible);

    if (complete) live.baked();
    cache.evict(rangeSize(around) + SPARE_TILES, frame);
    scheduleSettle();
    if (!complete || !aroundDone) {
      dirty = true;
      frames.request();
    }

    const end = performance.now();
    hook.record({ at: start, ms: end - start, tiles: tilesPainted });
    hook.stats.elements = elements;
    hook.stats.tiles = cache.size;
    hook.stats.layerScale = layer;
    // Finished means the final picture: every tile drawn, and nothing left drawn over them.
    const finished = complete && live.size === 0;
    hook.stats.fullyDrawn = finished;
    if (finished && !wasComplete) hook.stats.fullyDrawnAt = end;
    wasComplete = finished;
  };

  /** Elements being changed now, drawn straight onto the screen over the tiles. */
  const drawOverlay = (view: { x: number; y: number }, scale: number, visible: Bounds) => {
    if (live.size === 0) return;
    const shown: SceneEntry[] = [];
    for (const id of live.overlay()) {
      const entry = scene.get(id);
      if (entry && intersects(entry.board, visible)) shown.push(entry);
    }
    if (shown.length === 0) return;
    shown.sort((a, b) => a.order - b.order);
    ctx.setTransform(scale, 0, 0, scale, -view.x * scale, -view.y * scale);
    drawEntries(ctx, shown, 0, { scale, ink, outlines }, () => false);
  };

  const removeTask = frames.add("draw", draw);
  const unsubscribeScene = scene.subscribe(invalidate);
  const unsubscribeViewport = viewport.subscribe(invalidate);
  const resize = new ResizeObserver(invalidate);
  resize.observe(canvas);
  invalidate();

  return {
    setScheme(next) {
      if (next === scheme) return;
      scheme = next;
      ink = createInkResolver(scheme, probe);
      cache.clear();
      invalidate();
    },
    destroy() {
      for (const type of INPUT_EVENTS) canvas.removeEventListener(type, onInput);
      removeTask();
      stopRefresh();
      unsubscribeScene();
      unsubscribeViewport();
      resize.disconnect();
      if (settleTimer !== null) clearTimeout(settleTimer);
      if (restTimer !== null) clearTimeout(restTimer);
      cache.clear();
      hook.hide();
    },
  };
}

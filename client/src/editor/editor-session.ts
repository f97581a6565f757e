import type { StylePatch } from "@whiteboard/shared";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { FrameLoop } from "../canvas/frame-loop";
import { type Point, screenToBoard } from "../canvas/viewport";
import { zoomBy } from "../canvas/zoom-steps";
import type { ViewportStore } from "../canvas/viewport-store";
import type { ElementQuery } from "../geometry/element-query";
import { type ElementIndex, createIndexedElementQuery } from "../geometry/indexed-element-query";
import { type TextMeasure, canvasTextMeasure, estimateText } from "../geometry/text-measure";
import type { CursorPublisher } from "../presence/cursor-publisher";
import { type FollowStore, createFollower } from "../presence/follow";
import { type LaserTrail, createLaserTrail } from "../presence/laser-trail";
import { type PeersStore, followPeers } from "../presence/peers-store";
import { shareViewState } from "../presence/share-view-state";
import { createSelectTool } from "../selection/select-tool";
import { restyleSelected, type SelectionContext } from "../selection/selection-commands";
import { selectionBounds } from "../selection/selection-bounds";
import { type SelectionStore, createSelectionStore, pruneSelection, setSelection } from "../selection/selection-store";
import { attachCanvasInput } from "../tools/canvas-input";
import { createEraser } from "../tools/eraser";
import { createHand } from "../tools/hand";
import { createLaserTool } from "../tools/laser";
import { createLineTool } from "../tools/line";
import { createPen } from "../tools/pen";
import { createShapeTool } from "../tools/shape";
import { createTextTool } from "../tools/text";
import { type Tool, type ToolName, isStyledTool } from "../tools/tool";
import { attachClipboard } from "./clipboard-events";
import { type Edits, createEdits } from "./edits";
import type { EditorStore } from "./editor-store";
import { attachKeyboard } from "./keyboard";
import { type OverlayStore, createOverlayStore } from "./overlay/overlay-store";
import type { ZoomCommand } from "./shortcuts";
import { fitViewport } from "./zoom-fit";

export interface EditorSessionOptions {
  doc: Y.Doc;
  /** The renderer's scene of `doc`: hit testing and the eraser ask its spatial index. */
  scene: ElementIndex;
  awareness: Awareness;
  canvas: HTMLCanvasElement;
  viewport: ViewportStore;
  frames: FrameLoop;
  store: EditorStore;
  /** Recorded as `createdBy` on what this user draws. */
  author: () => string;
  /** Where our pointer is, for the others. */
  cursor: CursorPublisher;
}

/** Everything the editor's tools need for one board, built once the board is live. */
export interface EditorSession {
  edits: Edits;
  query: ElementQuery;
  selection: SelectionStore;
  overlay: OverlayStore;
  peers: PeersStore;
  follow: FollowStore;
  laser: LaserTrail;
  measure: TextMeasure;
  zoom(command: ZoomCommand): void;
  restyle(patch: StylePatch): void;
  destroy(): void;
}

/** Fitting one small shape should not blow it up past this. */
const FIT_MAX_ZOOM = 1;
const FIT_SELECTION_MAX_ZOOM = 2;

export function createEditorSession({ doc, scene, awareness, canvas, viewport, frames, store, author, cursor }: EditorSessionOptions): EditorSession {
  const measure = measurer();
  const edits = createEdits(doc);
  const query = createIndexedElementQuery(scene, measure);
  const selection = createSelectionStore();
  const overlay = createOverlayStore();
  const peers = followPeers(awareness);
  const screen = () => ({ w: canvas.clientWidth, h: canvas.clientHeight });
  const follower = createFollower({ peers: peers.store, viewport, screen });
  const laser = createLaserTrail(awareness, frames);
  const zoom = () => viewport.getState().zoom;
  const ctx: SelectionContext = { edits, query, selection, author };
  const styleOf = (name: "pen" | "rect" | "ellipse" | "line" | "arrow" | "text") => () => store.getState().styles[name];

  const editText = (id: string) => {
    setSelection(selection, [id]);
    overlay.setState({ editing: id });
  };
  const setCursor = (cursor: string | null) => {
    canvas.style.cursor = cursor ?? "";
  };

  const text = createTextTool({ edits, query, style: styleOf("text"), author, zoom, edit: editText });
  const select = createSelectTool({
    edits,
    frames,
    query,
    selection,
    zoom,
    marquee: (box) => overlay.setState({ marquee: box }),
    setCursor,
    editText,
    addTextAt: (point) => text.addAt(point),
  });
  const tools: Record<Exclude<ToolName, "hand">, Tool> = {
    select,
    pen: createPen({ edits, frames, ink: styleOf("pen"), author, zoom }),
    rect: createShapeTool({ type: "rect", edits, frames, zoom, style: styleOf("rect"), author }),
    ellipse: createShapeTool({ type: "ellipse", edits, frames, zoom, style: styleOf("ellipse"), author }),
    line: createLineTool({ type: "line", edits, frames, zoom, style: styleOf("line"), author }),
    arrow: createLineTool({ type: "arrow", edits, frames, zoom, style: styleOf("arrow"), author }),
    text,
    eraser: createEraser({ edits, query, zoom, preview: (ids) => overlay.setState({ erasing: ids }) }),
    laser: createLaserTool(laser),
  };

  const input = attachCanvasInput({
    canvas,
    viewport,
    tool: () => store.getState().tool,
    toolFor: (name) => (name === "hand" ? undefined : tools[name]),
    hand: createHand(viewport),
    cursor,
    onDoubleClick: (pointer) => {
      if (store.getState().tool === "select") select.doubleClick(pointer);
    },
  });

  // Switching tools drops what the old one was doing; a drawing tool starts with nothing selected.
  const unsubscribeTool = store.subscribe((state, previous) => {
    if (state.tool === previous.tool) return;
    input.cancel();
    setCursor(null);
    if (isStyledTool(state.tool)) setSelection(selection, []);
  });
  const unsubscribePrune = query.subscribe(() => pruneSelection(selection, (id) => query.get(id) !== undefined));
  const stopSharing = shareViewState({ awareness, frames, viewport, selection, screen });

  const centre = (): Point => ({ x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 });
  const zoomCommand = (command: ZoomCommand) => {
    const view = viewport.getState();
    switch (command) {
      case "in":
      case "out":
      case "reset":
        viewport.setState(zoomBy(view, command, centre()), true);
        return;
      case "fit":
        viewport.setState(fitViewport(boundsOfAll(query), screen(), FIT_MAX_ZOOM, view), true);
        return;
      case "fit-selection": {
        const bounds = selectionBounds(query, selection.getState().ids) ?? boundsOfAll(query);
        viewport.setState(fitViewport(bounds, screen(), FIT_SELECTION_MAX_ZOOM, view), true);
        return;
      }
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  };

  let pointerOnBoard: Point | null = null;
  const onPointerMove = (event: PointerEvent) => {
    const rect = canvas.getBoundingClientRect();
    pointerOnBoard = screenToBoard(viewport.getState(), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  };
  const onPointerLeave = () => {
    pointerOnBoard = null;
  };
  canvas.addEventListener("pointermove", onPointerMove);
  canvas.addEventListener("pointerleave", onPointerLeave);

  const detachKeyboard = attachKeyboard({ ctx, store, overlay, input, zoom: zoomCommand, edits });
  const detachClipboard = attachClipboard({
    ctx,
    pasteAt: () => pointerOnBoard ?? screenToBoard(viewport.getState(), centre()),
    textStyle: () => store.getState().styles.text,
  });

  return {
    edits,
    query,
    selection,
    overlay,
    peers: peers.store,
    follow: follower.store,
    laser,
    measure,
    zoom: zoomCommand,
    restyle: (patch) => restyleSelected(ctx, patch),
    destroy() {
      detachKeyboard();
      detachClipboard();
      canvas.removeEventListener("pointermove", onPointerMove);
      canvas.removeEventListener("pointerleave", onPointerLeave);
      unsubscribeTool();
      unsubscribePrune();
      stopSharing();
      input.detach();
      for (const tool of Object.values(tools)) tool.stop?.();
      laser.stop();
      follower.stop();
      peers.stop();
      query.destroy();
      edits.destroy();
    },
  };
}

function boundsOfAll(query: ElementQuery) {
  return selectionBounds(
    query,
    query.all().map((e) => e.id),
  );
}

function measurer(): TextMeasure {
  const ctx = document.createElement("canvas").getContext("2d");
  return ctx ? canvasTextMeasure(ctx) : estimateText;
}

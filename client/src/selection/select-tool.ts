import { type Element, type PolylineElement, moveElementTo, setElementRotation, setPolylinePoints } from "@whiteboard/shared";
import type { FrameLoop } from "../canvas/frame-loop";
import type { Edits } from "../editor/edits";
import { type Box, type Point, boxCentre, boxContainsPoint, boxFromCorners, rotateAbout } from "../geometry/box";
import type { ElementQuery } from "../geometry/element-query";
import { snapAngle } from "../tools/constrain";
import { DRAG_THRESHOLD_PX, type Tool, type ToolPointer } from "../tools/tool";
import { type HandleName, handleAt, handleCursor, onRotationHandle, outlineBox } from "./handles";
import { editablePolyline, pointHandleAt, polylinePoints } from "./point-handles";
import { resizeBox, resizeElement, writeResized } from "./resize";
import { geometryBounds, selectionBounds, selectedElements } from "./selection-bounds";
import { type SelectionStore, setSelection, toggleSelected } from "./selection-store";

export interface SelectToolOptions {
  edits: Edits;
  frames: FrameLoop;
  query: ElementQuery;
  selection: SelectionStore;
  zoom: () => number;
  /** The marquee being dragged, in board coordinates; null when there is none. */
  marquee: (box: Box | null) => void;
  /** The pointer's look over what it would grab; null for the tool's default. */
  setCursor: (cursor: string | null) => void;
  /** Double-click on text: edit it in place. */
  editText: (id: string) => void;
  /** Double-click on empty board: start a text there, as the text tool would. */
  addTextAt: (point: Point) => void;
}

/** How near (in screen pixels) a press must be to a thin line to grab it. */
export const PICK_TOLERANCE_PX = 5;
/** Below this many screen pixels a resize would make a shape vanish under its own handles. */
const MIN_RESIZE_PX = 4;
/** Shift turns in steps of 15 degrees, as in Excalidraw and tldraw. */
const ROTATION_STEP = Math.PI / 12;

type Gesture =
  | { kind: "move"; start: Point; originals: Map<string, Point>; dragging: boolean; clicked: string | null; latest: ToolPointer | null }
  | { kind: "resize"; handle: HandleName; from: Box; start: Point; grab: Point; originals: Element[]; latest: ToolPointer | null }
  | { kind: "rotate"; centre: Point; startAngle: number; originals: Element[]; latest: ToolPointer | null }
  | { kind: "marquee"; start: Point; base: readonly string[] }
  | { kind: "point"; line: PolylineElement; index: number; latest: ToolPointer | null };

/**
 * The select tool: click, shift-click, marquee, drag to move, handles to resize and to rotate.
 * A move, resize or turn writes once per animation frame, from the positions the drag started
 * with (so rounding never creeps), and undoes as one step.
 */
export function createSelectTool(options: SelectToolOptions): Tool & { doubleClick(pointer: ToolPointer): void } {
  const { edits, frames, query, selection, zoom } = options;
  let gesture: Gesture | null = null;

  const topAt = (p: Point): Element | undefined => query.elementsAt(p, PICK_TOLERANCE_PX / zoom())[0];
  const outline = (): Box | null => {
    const bounds = selectionBounds(query, selection.getState().ids);
    return bounds && outlineBox(bounds, zoom());
  };

  const startMove = (p: Point, clicked: string | null) => {
    const originals = new Map<string, Point>();
    for (const element of selectedElements(query, selection.getState().ids)) originals.set(element.id, { x: element.x, y: element.y });
    edits.separate();
    gesture = { kind: "move", start: p, originals, dragging: false, clicked, latest: null };
  };

  const flush = () => {
    if (gesture === null || gesture.kind === "marquee" || gesture.latest === null) return;
    const pointer = gesture.latest;
    gesture.latest = null;
    if (gesture.kind === "point") {
      const { line, index } = gesture;
      const points = polylinePoints(line);
      // Shift snaps the dragged end to 45 degrees about its neighbour, as when it was drawn.
      const neighbour = points[index === 0 ? 1 : index - 1]!;
      points[index] = pointer.shift ? snapAngle(neighbour, pointer.point) : pointer.point;
      edits.transact(() => setPolylinePoints(edits.doc, line.id, points, zoom()));
      return;
    }
    if (gesture.kind === "move") {
      let dx = pointer.point.x - gesture.start.x;
      let dy = pointer.point.y - gesture.start.y;
      if (!gesture.dragging) {
        if (Math.hypot(dx, dy) * zoom() < DRAG_THRESHOLD_PX) return;
        gesture.dragging = true;
      }
      // Shift keeps the move on one axis, as in every drawing program.
      if (pointer.shift) {
        if (Math.abs(dx) > Math.abs(dy)) dy = 0;
        else dx = 0;
      }
      const originals = gesture.originals;
      edits.transact(() => {
        for (const [id, at] of originals) moveElementTo(edits.doc, id, at.x + dx, at.y + dy);
      });
      return;
    }
    if (gesture.kind === "rotate") {
      const { centre, startAngle, originals } = gesture;
      let angle = Math.atan2(pointer.point.y - centre.y, pointer.point.x - centre.x) - startAngle;
      if (pointer.shift) {
        // One element lands on a multiple of the step; a group turns by one (its members differ).
        const from = originals.length === 1 ? (originals[0]!.rotation ?? 0) : 0;
        angle = Math.round((from + angle) / ROTATION_STEP) * ROTATION_STEP - from;
      }
      edits.transact(() => {
        for (const element of originals) turnElement(edits, query, element, centre, angle);
      });
      return;
    }
    const { handle, from, start, grab, originals } = gesture;
    const z = zoom();
    // The handle sits a few pixels outside the geometry: move the geometry's edge by the drag, not to the pointer.
    const target = { x: grab.x + pointer.point.x - start.x, y: grab.y + pointer.point.y - start.y };
    const to = resizeBox(from, handle, target, pointer.shift, MIN_RESIZE_PX / z);
    const axis = handle === "e" || handle === "w" ? "x" : "y";
    edits.transact(() => {
      for (const element of originals) writeResized(edits.doc, element.id, resizeElement(element, from, to, axis, z), z);
    });
  };
  const removeTask = frames.add("input", flush);

  return {
    down(pointer) {
      const p = pointer.point;
      const line = editablePolyline(selectedElements(query, selection.getState().ids));
      const index = line ? pointHandleAt(line, zoom(), p) : undefined;
      if (line && index !== undefined) {
        edits.separate();
        gesture = { kind: "point", line, index, latest: null };
        return;
      }
      const box = line ? null : outline();
      if (box && onRotationHandle(box, zoom(), p)) {
        // About the middle of the outline the user sees, wherever the press landed on the handle.
        const centre = boxCentre(selectionBounds(query, selection.getState().ids)!);
        edits.separate();
        gesture = {
          kind: "rotate",
          centre,
          startAngle: Math.atan2(p.y - centre.y, p.x - centre.x),
          originals: selectedElements(query, selection.getState().ids),
          latest: null,
        };
        return;
      }
      const handle = box ? handleAt(box, zoom(), p) : undefined;
      if (box && handle) {
        const originals = selectedElements(query, selection.getState().ids);
        const from = geometryBounds(query, originals)!;
        edits.separate();
        gesture = { kind: "resize", handle, from, start: p, grab: handleGrab(from, handle), originals, latest: null };
        return;
      }
      const hit = topAt(p);
      const selected = selection.getState().ids;
      if (hit) {
        if (pointer.shift) {
          toggleSelected(selection, hit.id);
          if (selection.getState().ids.includes(hit.id)) startMove(p, null);
          return;
        }
        if (!selected.includes(hit.id)) setSelection(selection, [hit.id]);
        startMove(p, selected.includes(hit.id) ? hit.id : null);
        return;
      }
      // Inside a selection's outline but on nothing: grab the selection, as in other whiteboards.
      if (box && !pointer.shift && boxContainsPoint(box, p)) {
        startMove(p, null);
        return;
      }
      if (!pointer.shift) setSelection(selection, []);
      gesture = { kind: "marquee", start: p, base: pointer.shift ? selected : [] };
    },

    move(pointer) {
      if (gesture === null) return;
      if (gesture.kind === "marquee") {
        const box = boxFromCorners(gesture.start, pointer.point);
        options.marquee(box);
        setSelection(selection, [...gesture.base, ...query.elementsIn(box, "contain").map((e) => e.id)]);
        return;
      }
      gesture.latest = pointer;
      frames.request();
    },

    up(pointer) {
      if (gesture === null) return;
      if (gesture.kind === "marquee") {
        options.marquee(null);
        gesture = null;
        return;
      }
      gesture.latest = pointer;
      flush();
      // A click (no drag) on one element of a multiple selection selects just that one.
      if (gesture.kind === "move" && !gesture.dragging && gesture.clicked !== null) setSelection(selection, [gesture.clicked]);
      gesture = null;
      edits.separate();
    },

    cancel() {
      if (gesture?.kind === "marquee") options.marquee(null);
      // Esc mid-drag puts everything back where the drag found it.
      if (gesture?.kind === "move" && gesture.dragging) {
        const originals = gesture.originals;
        edits.transact(() => {
          for (const [id, at] of originals) moveElementTo(edits.doc, id, at.x, at.y);
        });
      }
      if (gesture?.kind === "point") {
        const { line } = gesture;
        edits.transact(() => setPolylinePoints(edits.doc, line.id, polylinePoints(line), zoom()));
      }
      if (gesture?.kind === "rotate") {
        const { originals } = gesture;
        edits.transact(() => {
          for (const element of originals) setElementRotation(edits.doc, element.id, element.x, element.y, element.rotation ?? 0);
        });
      }
      if (gesture?.kind === "resize") {
        const { originals, from } = gesture;
        const z = zoom();
        // The identity stretch: every element back as it was.
        edits.transact(() => {
          for (const element of originals) writeResized(edits.doc, element.id, resizeElement(element, from, from, "y", z), z);
        });
      }
      gesture = null;
      edits.separate();
    },

    hover(pointer) {
      const line = editablePolyline(selectedElements(query, selection.getState().ids));
      if (line && pointHandleAt(line, zoom(), pointer.point) !== undefined) {
        options.setCursor("grab");
        return;
      }
      const box = line ? null : outline();
      const handle = box ? handleAt(box, zoom(), pointer.point) : undefined;
      if (box && onRotationHandle(box, zoom(), pointer.point)) options.setCursor("grab");
      else if (handle) options.setCursor(handleCursor(handle));
      else if (topAt(pointer.point) || (box && boxContainsPoint(box, pointer.point))) options.setCursor("move");
      else options.setCursor(null);
    },

    doubleClick(pointer) {
      const hit = topAt(pointer.point);
      if (hit?.type === "text") options.editText(hit.id);
      else if (!hit) options.addTextAt(pointer.point);
    },

    stop: removeTask,
  };
}

/** The point of `box` a handle moves: a corner, or the middle of a side. */
function handleGrab(box: Box, handle: HandleName): Point {
  return {
    x: handle.includes("w") ? box.minX : handle.includes("e") ? box.maxX : (box.minX + box.maxX) / 2,
    y: handle.includes("n") ? box.minY : handle.includes("s") ? box.maxY : (box.minY + box.maxY) / 2,
  };
}

/**
 * Turns an element by `angle` about `centre`, from where it was when the turn began: its own
 * centre goes round `centre`, and it turns by the same angle about its own centre (SPEC's
 * rotation), so a group turns as one piece.
 */
function turnElement(edits: Edits, query: ElementQuery, element: Element, centre: Point, angle: number): void {
  // An element's drawn box is symmetric about its centre, rotated or not.
  const own = boxCentre(query.boundsOf(element));
  const moved = rotateAbout(own, centre, angle);
  setElementRotation(edits.doc, element.id, element.x + moved.x - own.x, element.y + moved.y - own.y, (element.rotation ?? 0) + angle);
}

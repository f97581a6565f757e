import type { PenPoint } from "@whiteboard/shared";
import type { ViewportStore } from "../canvas/viewport-store";
import { type Point, screenToBoard, zoomAt } from "../canvas/viewport";
import type { CursorPublisher } from "../presence/cursor-publisher";
import type { Hand } from "./hand";
import type { Tool, ToolName, ToolPointer } from "./tool";
import { wheelViewport } from "./wheel";

export interface CanvasInputOptions {
  canvas: HTMLCanvasElement;
  viewport: ViewportStore;
  tool: () => ToolName;
  /** The state machine of each tool; the hand tool has none, it pans. */
  toolFor: (name: ToolName) => Tool | undefined;
  hand: Hand;
  /** Absent where nobody is told where our pointer is. */
  cursor?: CursorPublisher;
  /** The user moved the view themselves (a pan, a wheel, a pinch): following someone stops. */
  onOwnPan?: () => void;
  onDoubleClick?: (pointer: ToolPointer) => void;
}

export interface CanvasInput {
  /** Drops the gesture in flight (Esc, a tool switch). */
  cancel(): void;
  detach(): void;
}

/** What the canvas shows on hover and while dragging, for CSS (`data-mode`). */
type Mode = "draw" | "pan" | "panning" | "select" | "text" | "erase";

const PRIMARY_BUTTON = 0;
const MIDDLE_BUTTON = 1;
/** A mouse's pressure is 0.5 while a button is down: the same as "no reading", so the stroke keeps its width. */
const NO_PRESSURE = 0.5;

type Gesture =
  | { kind: "tool"; pointerId: number; tool: Tool }
  | { kind: "pan"; pointerId: number }
  | { kind: "pinch"; last: { mid: Point; distance: number } };

/**
 * Routes the canvas's pointer and wheel input: the primary button goes to the active tool (or
 * pans, for the hand), space-drag and the middle button always pan, the wheel pans and
 * ctrl+wheel zooms. Touch works through the same pointer events: one finger uses the tool, a
 * second finger turns the gesture into a two-finger pan and pinch (dropping what the first
 * finger had started). Every move also moves our cursor for the others.
 */
export function attachCanvasInput(options: CanvasInputOptions): CanvasInput {
  const { canvas, viewport, tool, toolFor, hand, cursor } = options;
  let gesture: Gesture | null = null;
  let spaceHeld = false;
  /** Touches on the canvas now, by pointer id, in screen points. */
  const touches = new Map<number, Point>();

  const screenPoint = (event: MouseEvent): Point => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const sample = (event: PointerEvent): PenPoint => ({
    ...screenToBoard(viewport.getState(), screenPoint(event)),
    pressure: event.pointerType === "pen" ? event.pressure : NO_PRESSURE,
  });
  const pointerOf = (event: PointerEvent): ToolPointer => {
    const screen = screenPoint(event);
    const coalesced = event.getCoalescedEvents?.() ?? [];
    const samples = (coalesced.length > 0 ? coalesced : [event]).map(sample);
    return {
      point: screenToBoard(viewport.getState(), screen),
      screen,
      pressure: event.pointerType === "pen" ? event.pressure : NO_PRESSURE,
      shift: event.shiftKey,
      alt: event.altKey,
      samples,
    };
  };
  const pans = () => spaceHeld || toolFor(tool()) === undefined;
  const setMode = () => {
    let mode: Mode;
    if (gesture?.kind === "pan" || gesture?.kind === "pinch") mode = "panning";
    else if (pans()) mode = "pan";
    else mode = modeOf(tool());
    canvas.dataset.mode = mode;
  };
  const setPointerCapture = (pointerId: number) => {
    try {
      canvas.setPointerCapture(pointerId);
    } catch {
      // The pointer is already gone (released between dispatch and here): the gesture still works
      // while the pointer stays over the canvas, it just is not followed outside.
    }
  };
  const pinchOf = (): { mid: Point; distance: number } => {
    const [a, b] = [...touches.values()] as [Point, Point];
    return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === "touch") touches.set(event.pointerId, screenPoint(event));
    if (event.pointerType === "touch" && touches.size === 2) {
      // The second finger: whatever the first one started was the beginning of a pinch.
      if (gesture?.kind === "tool") gesture.tool.cancel();
      if (gesture?.kind === "pan") hand.finish();
      gesture = { kind: "pinch", last: pinchOf() };
      setPointerCapture(event.pointerId);
      setMode();
      return;
    }
    if (gesture !== null) return;
    const panning = event.button === MIDDLE_BUTTON || (event.button === PRIMARY_BUTTON && pans());
    if (!panning && event.button !== PRIMARY_BUTTON) return;
    event.preventDefault();
    setPointerCapture(event.pointerId);
    // Typing a name and then drawing should not leave the caret in the name field.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) document.activeElement.blur();
    if (panning) {
      gesture = { kind: "pan", pointerId: event.pointerId };
      hand.start(screenPoint(event));
    } else {
      const active = toolFor(tool())!;
      gesture = { kind: "tool", pointerId: event.pointerId, tool: active };
      active.down(pointerOf(event));
    }
    setMode();
  };

  const onPointerMove = (event: PointerEvent) => {
    cursor?.move(screenToBoard(viewport.getState(), screenPoint(event)));
    if (touches.has(event.pointerId)) touches.set(event.pointerId, screenPoint(event));
    if (gesture?.kind === "pinch") {
      if (touches.size < 2) return;
      const next = pinchOf();
      const { last } = gesture;
      let view = viewport.getState();
      view = { ...view, x: view.x - (next.mid.x - last.mid.x) / view.zoom, y: view.y - (next.mid.y - last.mid.y) / view.zoom };
      if (last.distance > 0 && next.distance > 0) view = zoomAt(view, next.mid, next.distance / last.distance);
      viewport.setState(view, true);
      gesture.last = next;
      options.onOwnPan?.();
      return;
    }
    if (gesture === null) {
      if (!pans()) toolFor(tool())?.hover?.(pointerOf(event));
      return;
    }
    if (event.pointerId !== gesture.pointerId) return;
    if (gesture.kind === "pan") {
      hand.drag(screenPoint(event));
      options.onOwnPan?.();
    } else gesture.tool.move(pointerOf(event));
  };

  const onPointerEnd = (event: PointerEvent) => {
    touches.delete(event.pointerId);
    if (gesture?.kind === "pinch") {
      // Lifting one finger of two ends the pinch; the other finger does not start drawing.
      if (touches.size === 0) gesture = null;
      else if (touches.size === 1) gesture.last = { mid: [...touches.values()][0]!, distance: 0 };
      setMode();
      return;
    }
    if (gesture === null || event.pointerId !== gesture.pointerId) return;
    if (gesture.kind === "tool") {
      if (event.type === "pointercancel") gesture.tool.cancel();
      else gesture.tool.up(pointerOf(event));
    } else hand.finish();
    gesture = null;
    setMode();
  };

  const onPointerLeave = () => {
    if (gesture === null) cursor?.move(null);
  };

  const onWheel = (event: WheelEvent) => {
    // Not passive: the page itself must neither scroll nor zoom.
    event.preventDefault();
    viewport.setState(wheelViewport(viewport.getState(), event, screenPoint(event)), true);
    options.onOwnPan?.();
  };

  const onDoubleClick = (event: MouseEvent) => {
    if (pans() || !options.onDoubleClick) return;
    const screen = screenPoint(event);
    options.onDoubleClick({
      point: screenToBoard(viewport.getState(), screen),
      screen,
      pressure: NO_PRESSURE,
      shift: event.shiftKey,
      alt: event.altKey,
      samples: [],
    });
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.code !== "Space" || isTyping(event.target)) return;
    // Space would otherwise click a focused toolbar button or scroll the page.
    event.preventDefault();
    spaceHeld = event.type === "keydown";
    setMode();
  };
  const onBlur = () => {
    spaceHeld = false;
    setMode();
  };

  canvas.addEventListener("pointerdown", onPointerDown);
  canvas.addEventListener("pointermove", onPointerMove);
  canvas.addEventListener("pointerup", onPointerEnd);
  canvas.addEventListener("pointercancel", onPointerEnd);
  canvas.addEventListener("pointerleave", onPointerLeave);
  canvas.addEventListener("wheel", onWheel, { passive: false });
  canvas.addEventListener("dblclick", onDoubleClick);
  window.addEventListener("keydown", onKey);
  window.addEventListener("keyup", onKey);
  window.addEventListener("blur", onBlur);
  setMode();

  const cancel = () => {
    if (gesture?.kind === "tool") gesture.tool.cancel();
    if (gesture?.kind === "pan") hand.finish();
    gesture = null;
    setMode();
  };

  return {
    cancel,
    detach() {
      canvas.removeEventListener("pointerdown", onPointerDown);
      canvas.removeEventListener("pointermove", onPointerMove);
      canvas.removeEventListener("pointerup", onPointerEnd);
      canvas.removeEventListener("pointercancel", onPointerEnd);
      canvas.removeEventListener("pointerleave", onPointerLeave);
      canvas.removeEventListener("wheel", onWheel);
      canvas.removeEventListener("dblclick", onDoubleClick);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKey);
      window.removeEventListener("blur", onBlur);
      // A gesture in flight when the page goes is finished by the tool's own `stop`.
      gesture = null;
    },
  };
}

function modeOf(tool: ToolName): Mode {
  switch (tool) {
    case "select":
      return "select";
    case "text":
      return "text";
    case "eraser":
      return "erase";
    default:
      return "draw";
  }
}

/**
 * Whether a key typed now is text. A focused slider, colour input or button is not typing:
 * the width slider keeps focus after it is dragged, and space must still pan then.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "url", "tel", "password", "number"]);

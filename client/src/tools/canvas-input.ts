import type { PenPoint } from "@whiteboard/shared";
import type { ViewportStore } from "../canvas/viewport-store";
import { type Point, screenToBoard } from "../canvas/viewport";
import type { CursorPublisher } from "../presence/cursor-publisher";
import type { Hand } from "./hand";
import type { Pen } from "./pen";
import type { ToolName } from "./tool";
import { wheelViewport } from "./wheel";

export interface CanvasInputOptions {
  canvas: HTMLCanvasElement;
  viewport: ViewportStore;
  tool: () => ToolName;
  /** Absent on a read-only board (the viewer): the primary button then pans. */
  pen?: Pen;
  hand: Hand;
  /** Absent where nobody is told where our pointer is. */
  cursor?: CursorPublisher;
}

/** What the canvas shows on hover and while dragging, for CSS (`data-mode`). */
type Mode = "draw" | "pan" | "panning";

const MIDDLE_BUTTON = 1;
/** A mouse's pressure is 0.5 while a button is down: the same as "no reading", so the stroke keeps its width. */
const NO_PRESSURE = 0.5;

/**
 * Routes the canvas's pointer, wheel and keyboard input: the primary button draws with the pen
 * (or pans with the hand tool), space-drag and the middle button always pan, the wheel pans and
 * ctrl+wheel zooms. Every pointer move also moves our cursor for the others. Returns the detach.
 */
export function attachCanvasInput({ canvas, viewport, tool, pen, hand, cursor }: CanvasInputOptions): () => void {
  let gesture: { pointerId: number; kind: "draw" | "pan" } | null = null;
  let spaceHeld = false;

  const screenPoint = (event: MouseEvent): Point => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const sample = (event: PointerEvent): PenPoint => ({
    ...screenToBoard(viewport.getState(), screenPoint(event)),
    pressure: event.pointerType === "pen" ? event.pressure : NO_PRESSURE,
  });
  const setMode = () => {
    const mode: Mode = gesture?.kind === "pan" ? "panning" : spaceHeld || tool() === "hand" || !pen ? "pan" : "draw";
    canvas.dataset.mode = mode;
  };

  const onPointerDown = (event: PointerEvent) => {
    if (gesture !== null) return;
    const pans = event.button === MIDDLE_BUTTON || (event.button === 0 && (spaceHeld || tool() === "hand" || !pen));
    if (!pans && event.button !== 0) return;
    event.preventDefault();
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (released between dispatch and here): the gesture still works
      // while the pointer stays over the canvas, it just is not followed outside.
    }
    // Typing a name and then drawing should not leave the caret in the name field.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (pans) {
      gesture = { pointerId: event.pointerId, kind: "pan" };
      hand.start(screenPoint(event));
    } else {
      gesture = { pointerId: event.pointerId, kind: "draw" };
      pen?.start(sample(event), viewport.getState().zoom);
    }
    setMode();
  };

  const onPointerMove = (event: PointerEvent) => {
    cursor?.move(screenToBoard(viewport.getState(), screenPoint(event)));
    if (gesture === null || event.pointerId !== gesture.pointerId) return;
    if (gesture.kind === "pan") {
      hand.drag(screenPoint(event));
      return;
    }
    // Browsers deliver at most one move per frame; the coalesced ones hold the samples in between.
    const coalesced = event.getCoalescedEvents?.() ?? [];
    pen?.extend((coalesced.length > 0 ? coalesced : [event]).map(sample));
  };

  const onPointerEnd = (event: PointerEvent) => {
    if (gesture === null || event.pointerId !== gesture.pointerId) return;
    if (gesture.kind === "draw") pen?.finish();
    else hand.finish();
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
  window.addEventListener("keydown", onKey);
  window.addEventListener("keyup", onKey);
  window.addEventListener("blur", onBlur);
  setMode();

  return () => {
    canvas.removeEventListener("pointerdown", onPointerDown);
    canvas.removeEventListener("pointermove", onPointerMove);
    canvas.removeEventListener("pointerup", onPointerEnd);
    canvas.removeEventListener("pointercancel", onPointerEnd);
    canvas.removeEventListener("pointerleave", onPointerLeave);
    canvas.removeEventListener("wheel", onWheel);
    window.removeEventListener("keydown", onKey);
    window.removeEventListener("keyup", onKey);
    window.removeEventListener("blur", onBlur);
    pen?.finish();
  };
}

/**
 * Whether a space typed now is text. A focused slider, colour input or button is not typing:
 * the width slider keeps focus after it is dragged, and space must still pan then.
 */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "url", "tel", "password", "number"]);

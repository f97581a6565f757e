import {
  type ElementFields,
  type OrderMove,
  type StylePatch,
  copyElements,
  createText,
  deleteElements,
  moveElementTo,
  pasteElements,
  reorderElements,
  setElementStyle,
} from "@whiteboard/shared";
import type { Edits } from "../editor/edits";
import { type Point, boxCentre, unionBoxes } from "../geometry/box";
import type { ElementQuery } from "../geometry/element-query";
import { decodeClipboard, encodeClipboard } from "./clipboard-payload";
import { selectedElements } from "./selection-bounds";
import { type SelectionStore, setSelection } from "./selection-store";

export interface SelectionContext {
  edits: Edits;
  query: ElementQuery;
  selection: SelectionStore;
  author: () => string;
}

/** How far a duplicate lands from its original, so it is visibly a copy. */
export const DUPLICATE_OFFSET = 16;

const ids = (ctx: SelectionContext) => selectedElements(ctx.query, ctx.selection.getState().ids).map((e) => e.id);

/** Each command is one undo step and returns whether it did anything. */
export function deleteSelected(ctx: SelectionContext): boolean {
  const selected = ids(ctx);
  if (selected.length === 0) return false;
  ctx.edits.step(() => deleteElements(ctx.edits.doc, selected));
  setSelection(ctx.selection, []);
  return true;
}

export function duplicateSelected(ctx: SelectionContext): boolean {
  const copies = copyElements(ctx.edits.doc, ids(ctx));
  if (copies.length === 0) return false;
  const pasted = ctx.edits.step(() =>
    pasteElements(ctx.edits.doc, copies, { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET, createdBy: ctx.author() }),
  );
  setSelection(ctx.selection, pasted);
  return true;
}

export function nudgeSelected(ctx: SelectionContext, dx: number, dy: number): boolean {
  const elements = selectedElements(ctx.query, ctx.selection.getState().ids);
  if (elements.length === 0) return false;
  ctx.edits.step(() => {
    for (const element of elements) moveElementTo(ctx.edits.doc, element.id, element.x + dx, element.y + dy);
  });
  return true;
}

export function selectAll(ctx: SelectionContext): boolean {
  setSelection(
    ctx.selection,
    ctx.query.all().map((e) => e.id),
  );
  return ctx.selection.getState().ids.length > 0;
}

export function reorderSelected(ctx: SelectionContext, move: OrderMove): boolean {
  const selected = ids(ctx);
  if (selected.length === 0) return false;
  return ctx.edits.step(() => reorderElements(ctx.edits.doc, selected, move)) > 0;
}

export function restyleSelected(ctx: SelectionContext, patch: StylePatch): boolean {
  const selected = ids(ctx);
  if (selected.length === 0) return false;
  ctx.edits.step(() => {
    for (const id of selected) setElementStyle(ctx.edits.doc, id, patch);
  });
  return true;
}

/** The clipboard text for the selection, or null when nothing is selected. */
export function copySelected(ctx: SelectionContext): string | null {
  const copies = copyElements(ctx.edits.doc, ids(ctx));
  return copies.length > 0 ? encodeClipboard(copies) : null;
}

export function cutSelected(ctx: SelectionContext): string | null {
  const text = copySelected(ctx);
  if (text !== null) deleteSelected(ctx);
  return text;
}

export interface PasteOptions {
  /** Where the pasted group's centre lands (the pointer, or the middle of the view). */
  at: Point;
  fontSize: number;
  color: string;
}

/**
 * Pastes clipboard text: copied elements get fresh ids and land centred on `at`, selected;
 * any other text becomes a text element there. Returns whether anything was pasted.
 */
export function pasteText(ctx: SelectionContext, text: string, options: PasteOptions): boolean {
  const copies = decodeClipboard(text);
  if (copies !== null) return pasteCopies(ctx, copies, options.at);
  const plain = text.replace(/\r\n?/g, "\n").trim();
  if (plain === "") return false;
  const id = ctx.edits.step(() =>
    createText(ctx.edits.doc, {
      x: options.at.x,
      y: options.at.y,
      text: plain,
      fontSize: options.fontSize,
      color: options.color,
      createdBy: ctx.author(),
      zoom: 1,
    }),
  );
  setSelection(ctx.selection, [id]);
  return true;
}

function pasteCopies(ctx: SelectionContext, copies: readonly ElementFields[], at: Point): boolean {
  if (copies.length === 0) return false;
  const bounds = unionBoxes(copies.map((copy, i) => ctx.query.boundsOf({ ...copy, id: `paste-${i}` })));
  const centre = bounds ? boxCentre(bounds) : at;
  const pasted = ctx.edits.step(() =>
    pasteElements(ctx.edits.doc, copies, { dx: at.x - centre.x, dy: at.y - centre.y, createdBy: ctx.author() }),
  );
  setSelection(ctx.selection, pasted);
  return true;
}

import { createBox, createText, elementsOf, readElement, readElements } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createEdits } from "../editor/edits";
import { elementQueryFor } from "../geometry/test-element-query";
import { decodeClipboard } from "./clipboard-payload";
import {
  type SelectionContext,
  copySelected,
  cutSelected,
  deleteSelected,
  duplicateSelected,
  nudgeSelected,
  pasteText,
  reorderSelected,
  selectAll,
} from "./selection-commands";
import { createSelectionStore, setSelection } from "./selection-store";

const style = { color: "#000", width: 2, createdBy: "Bo", zoom: 1 };

function board(): SelectionContext & { doc: Y.Doc } {
  const doc = new Y.Doc();
  return { doc, edits: createEdits(doc), query: elementQueryFor(doc), selection: createSelectionStore(), author: () => "Ada" };
}

describe("selection commands", () => {
  it("delete the selection in one undo step", () => {
    const ctx = board();
    const a = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    const b = createBox(ctx.doc, { ...style, type: "rect", x: 5, y: 0, w: 1, h: 1 });
    setSelection(ctx.selection, [a, b]);
    expect(deleteSelected(ctx)).toBe(true);
    expect(elementsOf(ctx.doc).size).toBe(0);
    expect(ctx.selection.getState().ids).toEqual([]);
    ctx.edits.undo();
    expect(elementsOf(ctx.doc).size).toBe(2);
  });

  it("duplicate with new ids, offset, on top, and select the copies", () => {
    const ctx = board();
    const a = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    setSelection(ctx.selection, [a]);
    duplicateSelected(ctx);
    const [copy] = ctx.selection.getState().ids;
    expect(copy).not.toBe(a);
    expect(readElement(copy!, elementsOf(ctx.doc).get(copy!))).toMatchObject({ x: 16, y: 16, w: 10, z: 1, createdBy: "Ada" });
  });

  it("nudge by whole units", () => {
    const ctx = board();
    const a = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10 });
    setSelection(ctx.selection, [a]);
    nudgeSelected(ctx, 10, -1);
    expect(readElement(a, elementsOf(ctx.doc).get(a))).toMatchObject({ x: 10, y: -1 });
  });

  it("copy from one board and paste into another centred where asked, with new ids, twice making two copies", () => {
    const from = board();
    const a = createBox(from.doc, { ...style, type: "rect", x: 0, y: 0, w: 100, h: 50, fill: "#eee" });
    const t = createText(from.doc, { x: 0, y: 60, text: "note", fontSize: 20, color: "#f00", createdBy: "Bo", zoom: 1 });
    setSelection(from.selection, [a, t]);
    const text = copySelected(from)!;
    expect(decodeClipboard(text)).toHaveLength(2);

    const to = board();
    expect(pasteText(to, text, { at: { x: 500, y: 500 }, fontSize: 20, color: "#000" })).toBe(true);
    expect(pasteText(to, text, { at: { x: 500, y: 500 }, fontSize: 20, color: "#000" })).toBe(true);
    const pasted = readElements(to.doc);
    expect(pasted).toHaveLength(4);
    expect(pasted.map((e) => e.id)).not.toContain(a);
    const rect = pasted.find((e) => e.type === "rect")!;
    // The pair's box (the rect's ink from -1, the text down to 85) is centred on (500, 500).
    expect(rect).toMatchObject({ w: 100, h: 50, fill: "#eee", createdBy: "Ada" });
    expect(rect.x).toBeCloseTo(450, -1);
    expect(to.selection.getState().ids).toHaveLength(2);
  });

  it("cut copies then deletes", () => {
    const ctx = board();
    const a = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    setSelection(ctx.selection, [a]);
    expect(cutSelected(ctx)).not.toBeNull();
    expect(elementsOf(ctx.doc).size).toBe(0);
  });

  it("paste plain text as a text element", () => {
    const ctx = board();
    pasteText(ctx, "hello\r\nworld", { at: { x: 10, y: 20 }, fontSize: 24, color: "#123456" });
    expect(readElements(ctx.doc)[0]).toMatchObject({ type: "text", text: "hello\nworld", fontSize: 24, color: "#123456", x: 10, y: 20 });
  });

  it("ignore a clipboard payload whose elements are malformed", () => {
    const ctx = board();
    const evil = JSON.stringify({ type: "whiteboard/elements", version: 1, elements: [{ type: "rect", x: "0" }, 42] });
    expect(pasteText(ctx, evil, { at: { x: 0, y: 0 }, fontSize: 24, color: "#000" })).toBe(false);
    expect(elementsOf(ctx.doc).size).toBe(0);
  });

  it("select all drawable elements and bring the selection forward", () => {
    const ctx = board();
    const a = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    const b = createBox(ctx.doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    const odd = new Y.Map<unknown>();
    odd.set("type", "blob");
    elementsOf(ctx.doc).set("odd", odd);
    selectAll(ctx);
    expect(ctx.selection.getState().ids).toEqual([a, b]);
    setSelection(ctx.selection, [a]);
    reorderSelected(ctx, "forward");
    expect(readElements(ctx.doc).map((e) => e.id)).toEqual([b, a]);
  });
});

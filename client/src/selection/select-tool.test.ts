import { createBox, createPolyline, createText, elementsOf, readElement } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createEdits } from "../editor/edits";
import type { Box } from "../geometry/box";
import { elementQueryFor } from "../geometry/test-element-query";
import { at, drag } from "../tools/test-pointer";
import { createSelectTool } from "./select-tool";
import { createSelectionStore } from "./selection-store";

const style = { color: "#000", width: 2, createdBy: "Bo", zoom: 1 };

function setup() {
  const doc = new Y.Doc();
  const edits = createEdits(doc);
  const frames = manualFrames();
  const query = elementQueryFor(doc);
  const selection = createSelectionStore();
  const marquees: (Box | null)[] = [];
  const edited: string[] = [];
  const tool = createSelectTool({
    edits,
    frames,
    query,
    selection,
    zoom: () => 1,
    marquee: (box) => marquees.push(box),
    setCursor: () => {},
    editText: (id) => edited.push(id),
    addTextAt: () => {},
  });
  const read = (id: string) => readElement(id, elementsOf(doc).get(id));
  const selected = () => selection.getState().ids;
  const click = (x: number, y: number, shift = false) => {
    tool.down(at(x, y, { shift }));
    tool.up(at(x, y, { shift }));
  };
  return { doc, edits, frames, tool, selection, selected, read, click, marquees, edited };
}

describe("select tool", () => {
  it("selects the topmost element clicked, and nothing on empty board", () => {
    const { doc, click, selected } = setup();
    createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 100, h: 100, fill: "#eee" });
    const top = createBox(doc, { ...style, type: "rect", x: 50, y: 50, w: 100, h: 100, fill: "#ddd" });
    click(75, 75);
    expect(selected()).toEqual([top]);
    click(500, 500);
    expect(selected()).toEqual([]);
  });

  it("adds and removes with shift-click", () => {
    const { doc, click, selected } = setup();
    const a = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 0 }, { x: 100, y: 0 }] });
    const b = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 50 }, { x: 100, y: 50 }] });
    click(50, 1);
    click(50, 51, true);
    expect(selected()).toEqual([a, b]);
    click(50, 1, true);
    expect(selected()).toEqual([b]);
  });

  it("selects what a marquee wholly contains, and clears the marquee after", () => {
    const { doc, tool, frames, selected, marquees } = setup();
    const inside = createBox(doc, { ...style, type: "rect", x: 10, y: 10, w: 20, h: 20 });
    createBox(doc, { ...style, type: "rect", x: 50, y: 10, w: 200, h: 20 });
    drag(tool, [0, 0], [100, 100], { runFrame: frames.runFrame });
    expect(selected()).toEqual([inside]);
    expect(marquees.at(-1)).toBeNull();
  });

  it("moves the selection by a drag, in whole units, as one undo step", () => {
    const { doc, tool, frames, read, edits } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 10, y: 10, w: 20, h: 20, fill: "#eee" });
    drag(tool, [20, 20], [65.4, 41], { steps: 8, runFrame: frames.runFrame });
    expect(read(id)).toMatchObject({ x: 55, y: 31, w: 20, h: 20 });
    edits.undo();
    expect(read(id)).toMatchObject({ x: 10, y: 10 });
  });

  it("keeps a move on one axis with shift", () => {
    const { doc, tool, frames, read } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 20, h: 20, fill: "#eee" });
    drag(tool, [10, 10], [60, 18], { shift: true, runFrame: frames.runFrame });
    expect(read(id)).toMatchObject({ x: 50, y: 0 });
  });

  it("moves every selected element together, and a click without a drag then keeps only the one clicked", () => {
    const { doc, tool, frames, click, read, selected } = setup();
    const a = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 20, h: 20, fill: "#eee" });
    const b = createBox(doc, { ...style, type: "rect", x: 100, y: 0, w: 20, h: 20, fill: "#eee" });
    click(10, 10);
    click(110, 10, true);
    drag(tool, [10, 10], [30, 40], { runFrame: frames.runFrame });
    expect(read(a)).toMatchObject({ x: 20, y: 30 });
    expect(read(b)).toMatchObject({ x: 120, y: 30 });
    click(130, 40);
    expect(selected()).toEqual([b]);
  });

  it("resizes with the corner handle and undoes the resize in one step", () => {
    const { doc, tool, frames, click, read, edits } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 100, y: 100, w: 100, h: 50, fill: "#eee" });
    click(150, 125);
    // The outline is the ink's box (width 2: 99..201 x 99..151) with 6 px of air: the se handle is at (207, 157).
    drag(tool, [207, 157], [307, 207], { steps: 10, runFrame: frames.runFrame });
    const resized = read(id) as { x: number; y: number; w: number; h: number };
    expect(resized.x).toBe(100);
    expect(resized.y).toBe(100);
    expect(resized.w).toBeCloseTo(200, -1);
    expect(resized.h).toBeCloseTo(100, -1);
    edits.undo();
    expect(read(id)).toMatchObject({ x: 100, y: 100, w: 100, h: 50 });
  });

  it("turns the selection with the rotation handle about its centre, and undoes the turn in one step", () => {
    const { doc, tool, frames, click, read, edits } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 100, y: 100, w: 100, h: 50, fill: "#eee" });
    click(150, 125);
    // Outline 93..207 x 93..157 (ink box plus 6 px): the rotation handle is 22 px above its middle.
    // From straight above the centre (150, 125) to straight right of it: a quarter turn clockwise.
    drag(tool, [150, 71], [230, 125], { steps: 8, runFrame: frames.runFrame });
    const turned = read(id)!;
    expect(turned.rotation).toBeCloseTo(Math.PI / 2, 6);
    // Turned about its own centre, which stays where it was.
    expect(turned).toMatchObject({ x: 100, y: 100, w: 100, h: 50 });
    edits.undo();
    expect(read(id)!.rotation).toBeUndefined();
  });

  it("turns in 15 degree steps with shift", () => {
    const { doc, tool, frames, click, read } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 100, y: 100, w: 100, h: 50, fill: "#eee" });
    click(150, 125);
    // 50 degrees from straight up, about the centre: shift makes it 45.
    const angle = (-90 + 50) * (Math.PI / 180);
    drag(tool, [150, 71], [150 + 80 * Math.cos(angle), 125 + 80 * Math.sin(angle)], { shift: true, runFrame: frames.runFrame });
    expect(read(id)!.rotation).toBeCloseTo(Math.PI / 4, 6);
  });

  it("with shift, lands a turned element on a multiple of 15 degrees, not 15 degrees from where it was", () => {
    const { doc, tool, frames, click, read } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 100, y: 100, w: 100, h: 100, fill: "#eee" });
    (elementsOf(doc).get(id) as Y.Map<unknown>).set("rotation", (10 * Math.PI) / 180);
    click(150, 150);
    // Turned 10 degrees, its box reaches 50 (cos 10° + sin 10°) + 1 = 58.9 either side of the
    // centre; the outline adds 6 and the handle sits 22 above that.
    const start = { x: 150, y: 150 - 58.9 - 6 - 22 };
    const angle = (-90 + 20) * (Math.PI / 180);
    drag(tool, [start.x, start.y], [150 + 90 * Math.cos(angle), 150 + 90 * Math.sin(angle)], { shift: true, runFrame: frames.runFrame });
    // 10 + 20 = 30 degrees: a multiple of 15.
    expect(read(id)!.rotation).toBeCloseTo(Math.PI / 6, 6);
  });

  it("turns several elements as one piece about the middle of their outline", () => {
    const { doc, tool, frames, read, selection } = setup();
    const left = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 40, h: 40, fill: "#eee" });
    const right = createBox(doc, { ...style, type: "rect", x: 160, y: 0, w: 40, h: 40, fill: "#eee" });
    selection.setState({ ids: [left, right] });
    // Outline -7..207 x -7..47, centre (100, 20): handle at (100, -29). Half a turn swaps them.
    drag(tool, [100, -29], [100, 69], { steps: 1, runFrame: frames.runFrame });
    expect(read(left)).toMatchObject({ x: 160, y: 0 });
    expect(read(right)).toMatchObject({ x: 0, y: 0 });
    expect(read(left)!.rotation).toBeCloseTo(Math.PI, 6);
  });

  it("puts a turn back as it was on cancel", () => {
    const { doc, tool, frames, click, read } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 100, y: 100, w: 100, h: 50, fill: "#eee" });
    click(150, 125);
    tool.down(at(150, 71));
    tool.move(at(230, 125));
    frames.runFrame();
    expect(read(id)!.rotation).toBeCloseTo(Math.PI / 2, 6);
    tool.cancel();
    expect(read(id)).toMatchObject({ x: 100, y: 100 });
    expect(read(id)!.rotation).toBeUndefined();
  });

  it("puts a drag back where it started on cancel", () => {
    const { doc, tool, frames, read } = setup();
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 20, h: 20, fill: "#eee" });
    tool.down(at(10, 10));
    tool.move(at(50, 50));
    frames.runFrame();
    expect(read(id)).toMatchObject({ x: 40, y: 40 });
    tool.cancel();
    expect(read(id)).toMatchObject({ x: 0, y: 0 });
  });

  it("opens text for editing on double-click", () => {
    const { doc, tool, edited } = setup();
    const id = createText(doc, { x: 0, y: 0, text: "hi", fontSize: 20, color: "#000", createdBy: "Bo", zoom: 1 });
    tool.doubleClick(at(5, 5));
    expect(edited).toEqual([id]);
  });

  it("never selects unknown or malformed elements, by click, marquee or select-all", () => {
    const { doc, click, tool, frames, selected } = setup();
    const put = (id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) map.set(k, v);
      elementsOf(doc).set(id, map);
    };
    put("odd", { type: "star", x: 0, y: 0, w: 100, h: 100, color: "#000", width: 2, z: 9, createdBy: "x" });
    put("bad", { type: "rect", x: 0, y: 0, w: "100", h: 100, color: "#000", width: 2, z: 9, createdBy: "x", fill: "#000" });
    click(50, 50);
    expect(selected()).toEqual([]);
    drag(tool, [-10, -10], [200, 200], { runFrame: frames.runFrame });
    expect(selected()).toEqual([]);
  });
});

describe("select tool on a lone line", () => {
  it("drags an arrow's head to a new place, keeping its start, as one undo step", () => {
    const { doc, tool, frames, click, read, edits } = setup();
    const id = createPolyline(doc, { ...style, type: "arrow", points: [{ x: 100, y: 100 }, { x: 200, y: 100 }] });
    click(150, 100);
    drag(tool, [200, 100], [260, 160], { runFrame: frames.runFrame });
    expect(read(id)).toMatchObject({ x: 100, y: 100, points: [0, 0, 160, 60] });
    edits.undo();
    expect(read(id)).toMatchObject({ points: [0, 0, 100, 0] });
  });

  it("snaps the dragged end to 45 degrees with shift", () => {
    const { doc, tool, frames, click, read } = setup();
    const id = createPolyline(doc, { ...style, type: "line", points: [{ x: 0, y: 0 }, { x: 100, y: 0 }] });
    click(50, 0);
    drag(tool, [100, 0], [100, 90], { shift: true, runFrame: frames.runFrame });
    expect(read(id)).toMatchObject({ x: 0, y: 0, points: [0, 0, 95, 95] });
  });
});

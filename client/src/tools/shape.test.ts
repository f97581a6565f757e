import { elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createEdits } from "../editor/edits";
import { createShapeTool } from "./shape";
import { at, drag } from "./test-pointer";
import type { ToolStyle } from "./tool";

const STYLE: ToolStyle = { color: "#e5484d", width: 3, opacity: 1, fill: null, fontSize: 24 };

function setup(type: "rect" | "ellipse", style: Partial<ToolStyle> = {}) {
  const doc = new Y.Doc();
  const edits = createEdits(doc);
  const frames = manualFrames();
  const tool = createShapeTool({ type, edits, frames, zoom: () => 1, style: () => ({ ...STYLE, ...style }), author: () => "Ada" });
  const all = () => [...elementsOf(doc).values()].map((value) => (value as Y.Map<unknown>).toJSON());
  return { doc, edits, frames, tool, all };
}

describe("rectangle and ellipse tools", () => {
  it("draw a rectangle with exactly SPEC's fields from a drag", () => {
    const { tool, frames, all } = setup("rect");
    drag(tool, [100, 50], [160, 90], { runFrame: frames.runFrame });
    expect(all()).toEqual([{ type: "rect", x: 100, y: 50, w: 60, h: 40, color: "#e5484d", width: 3, z: 0, createdBy: "Ada" }]);
  });

  it("draw an ellipse with its fill and opacity, dragged up and to the left", () => {
    const { tool, frames, all } = setup("ellipse", { fill: "#c2e5ff", opacity: 0.6 });
    drag(tool, [200, 200], [150, 170], { runFrame: frames.runFrame });
    expect(all()).toEqual([
      { type: "ellipse", x: 150, y: 170, w: 50, h: 30, color: "#e5484d", width: 3, z: 0, createdBy: "Ada", fill: "#c2e5ff", opacity: 0.6 },
    ]);
  });

  it("make a square, or a circle, with shift", () => {
    const { tool, frames, all } = setup("ellipse");
    drag(tool, [0, 0], [80, 30], { shift: true, runFrame: frames.runFrame });
    expect(all()[0]).toMatchObject({ x: 0, y: 0, w: 80, h: 80 });
  });

  it("grow from the centre with alt", () => {
    const { tool, frames, all } = setup("rect");
    drag(tool, [100, 100], [130, 110], { alt: true, runFrame: frames.runFrame });
    expect(all()[0]).toMatchObject({ x: 70, y: 90, w: 60, h: 20 });
  });

  it("write nothing for a click", () => {
    const { tool, all } = setup("rect");
    tool.down(at(10, 10));
    tool.move(at(11, 10));
    tool.up(at(11, 10));
    expect(all()).toEqual([]);
  });

  it("reshape once per frame while dragging, so others watch it grow in a few updates", () => {
    const { tool, frames, doc } = setup("rect");
    let updates = 0;
    doc.on("update", () => updates++);
    tool.down(at(0, 0));
    for (let i = 1; i <= 10; i++) tool.move(at(i * 10, i * 5));
    frames.runFrame();
    tool.up(at(100, 50));
    expect(updates).toBe(1);
  });

  it("undo a whole drag in one step", () => {
    const { tool, frames, edits, doc } = setup("rect");
    drag(tool, [0, 0], [50, 50], { steps: 10, runFrame: frames.runFrame });
    drag(tool, [100, 100], [150, 150], { steps: 10, runFrame: frames.runFrame });
    edits.undo();
    expect(elementsOf(doc).size).toBe(1);
    edits.undo();
    expect(elementsOf(doc).size).toBe(0);
  });
});

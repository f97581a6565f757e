import { elementsOf, readElement } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createPen } from "./pen";

function setup() {
  const doc = new Y.Doc();
  const frames = manualFrames();
  const pen = createPen({ doc, frames, ink: () => ({ color: "#0090ff", width: 6 }), author: () => "Ada" });
  let updates = 0;
  doc.on("update", () => updates++);
  const stroke = () => {
    const [id, value] = [...elementsOf(doc).entries()][0]!;
    return readElement(id, value);
  };
  return { doc, frames, pen, stroke, updates: () => updates };
}

describe("pen", () => {
  it("puts the stroke in the doc at the first sample, with the toolbar's ink and the author", () => {
    const { pen, stroke } = setup();
    pen.start({ x: 10, y: 20, pressure: 0.5 }, 1);
    expect(stroke()).toMatchObject({ type: "stroke", x: 10, y: 20, color: "#0090ff", width: 6, createdBy: "Ada", points: [0, 0, 0.5] });
  });

  it("appends the samples of a frame in one update, in the next frame", () => {
    const { pen, frames, stroke, updates } = setup();
    pen.start({ x: 0, y: 0, pressure: 0.5 }, 1);
    const before = updates();
    pen.extend([{ x: 1, y: 0, pressure: 0.5 }]);
    pen.extend([{ x: 2, y: 0, pressure: 0.5 }, { x: 3, y: 0, pressure: 0.5 }]);
    expect(updates()).toBe(before);
    frames.runFrame();
    expect(updates()).toBe(before + 1);
    expect((stroke() as { points: number[] }).points).toHaveLength(12);
  });

  it("sends what is still buffered when the stroke ends", () => {
    const { pen, stroke } = setup();
    pen.start({ x: 0, y: 0, pressure: 0.5 }, 1);
    pen.extend([{ x: 9, y: 9, pressure: 0.5 }]);
    pen.finish();
    expect((stroke() as { points: number[] }).points).toEqual([0, 0, 0.5, 9, 9, 0.5]);
  });

  it("keeps quarter units for a stroke drawn zoomed in", () => {
    const { pen, stroke } = setup();
    pen.start({ x: 0, y: 0, pressure: 0.5 }, 4);
    pen.extend([{ x: 1.3, y: 0.6, pressure: 0.5 }]);
    pen.finish();
    expect((stroke() as { points: number[] }).points).toEqual([0, 0, 0.5, 1.25, 0.5, 0.5]);
  });
});

import { elementsOf, readElement } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createEdits } from "../editor/edits";
import { createPen } from "./pen";
import { at } from "./test-pointer";

function setup(zoom = 1, opacity = 1) {
  const doc = new Y.Doc();
  const edits = createEdits(doc);
  const frames = manualFrames();
  const pen = createPen({ edits, frames, ink: () => ({ color: "#0090ff", width: 6, opacity }), author: () => "Ada", zoom: () => zoom });
  let updates = 0;
  doc.on("update", () => updates++);
  const raw = () => (elementsOf(doc).values().next().value as Y.Map<unknown>).toJSON();
  const stroke = () => {
    const [id, value] = [...elementsOf(doc).entries()][0]!;
    return readElement(id, value);
  };
  return { doc, edits, frames, pen, stroke, raw, updates: () => updates };
}

describe("pen", () => {
  it("writes a stroke with exactly SPEC's fields at the first sample, with the tool's ink and the author", () => {
    const { pen, raw } = setup();
    pen.down(at(10, 20));
    expect(raw()).toEqual({ type: "stroke", x: 10, y: 20, color: "#0090ff", width: 6, z: 0, createdBy: "Ada", points: [0, 0, 0.5] });
  });

  it("appends the samples of a frame in one update, in the next frame", () => {
    const { pen, frames, stroke, updates } = setup();
    pen.down(at(0, 0));
    const before = updates();
    pen.move(at(1, 0));
    pen.move({ ...at(3, 0), samples: [at(2, 0).samples[0]!, at(3, 0).samples[0]!] });
    expect(updates()).toBe(before);
    frames.runFrame();
    expect(updates()).toBe(before + 1);
    expect((stroke() as { points: number[] }).points).toHaveLength(12);
  });

  it("sends what is still buffered when the stroke ends, and the stroke undoes in one step", () => {
    const { pen, stroke, edits, doc, frames } = setup();
    pen.down(at(0, 0));
    pen.move(at(4, 4));
    frames.runFrame();
    pen.move(at(9, 9));
    pen.up(at(9, 9));
    expect((stroke() as { points: number[] }).points).toEqual([0, 0, 0.5, 4, 4, 0.5, 9, 9, 0.5]);
    edits.undo();
    expect(elementsOf(doc).size).toBe(0);
  });

  it("keeps quarter units for a stroke drawn zoomed in", () => {
    const { pen, stroke } = setup(4);
    pen.down(at(0, 0));
    pen.move(at(1.3, 0.6));
    pen.up(at(1.3, 0.6));
    expect((stroke() as { points: number[] }).points).toEqual([0, 0, 0.5, 1.25, 0.5, 0.5]);
  });

  it("writes opacity only when the ink is see-through", () => {
    const { pen, raw } = setup(1, 0.5);
    pen.down(at(0, 0));
    expect(raw()).toMatchObject({ opacity: 0.5 });
  });

  it("removes the stroke when cancelled (a second finger made it a pinch)", () => {
    const { pen, doc } = setup();
    pen.down(at(0, 0));
    pen.move(at(5, 5));
    pen.cancel();
    expect(elementsOf(doc).size).toBe(0);
  });
});

import { elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createEdits } from "../editor/edits";
import { createLineTool } from "./line";
import { drag } from "./test-pointer";

function setup(type: "line" | "arrow", zoom = 1) {
  const doc = new Y.Doc();
  const frames = manualFrames();
  const style = { color: "#30a46c", width: 2, opacity: 1, fill: null, fontSize: 24 };
  const tool = createLineTool({ type, edits: createEdits(doc), frames, zoom: () => zoom, style: () => style, author: () => "Bo" });
  const all = () => [...elementsOf(doc).values()].map((value) => (value as Y.Map<unknown>).toJSON());
  return { tool, frames, all, doc };
}

describe("line and arrow tools", () => {
  it("draw a line from press to release with exactly SPEC's fields", () => {
    const { tool, frames, all } = setup("line");
    drag(tool, [100, 100], [250, 40], { runFrame: frames.runFrame });
    expect(all()).toEqual([{ type: "line", x: 100, y: 100, points: [0, 0, 150, -60], color: "#30a46c", width: 2, z: 0, createdBy: "Bo" }]);
  });

  it("draw an arrow with its head at the release point", () => {
    const { tool, frames, all } = setup("arrow");
    drag(tool, [10, 10], [60, 110], { runFrame: frames.runFrame });
    expect(all()[0]).toMatchObject({ type: "arrow", x: 10, y: 10, points: [0, 0, 50, 100] });
  });

  it("snap to 45 degrees with shift", () => {
    const { tool, frames, all } = setup("line");
    drag(tool, [0, 0], [100, 8], { shift: true, runFrame: frames.runFrame });
    expect(all()[0]).toMatchObject({ points: [0, 0, 100, 0] });
  });

  it("round to quarter units zoomed in", () => {
    const { tool, frames, all } = setup("line", 4);
    drag(tool, [0, 0], [10.3, 5.1], { runFrame: frames.runFrame });
    expect(all()[0]).toMatchObject({ points: [0, 0, 10.25, 5] });
  });
});

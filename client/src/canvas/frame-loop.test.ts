import { describe, expect, it } from "vitest";
import { manualFrames } from "./test-frames";

describe("createFrameLoop", () => {
  it("runs nothing until a frame is requested, and one frame however many requests came", () => {
    const frames = manualFrames();
    const runs: string[] = [];
    frames.add("draw", () => runs.push("draw"));
    expect(frames.requested()).toBe(false);
    frames.request();
    frames.request();
    frames.runFrame();
    frames.runFrame();
    expect(runs).toEqual(["draw"]);
  });

  it("runs input tasks before draw tasks whatever order they were added in", () => {
    const frames = manualFrames();
    const runs: string[] = [];
    frames.add("draw", () => runs.push("draw"));
    frames.add("input", () => runs.push("input"));
    frames.request();
    frames.runFrame();
    expect(runs).toEqual(["input", "draw"]);
  });

  it("stops running a task once it is removed", () => {
    const frames = manualFrames();
    let runs = 0;
    const remove = frames.add("input", () => runs++);
    remove();
    frames.request();
    frames.runFrame();
    expect(runs).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { createLaserTrail } from "../presence/laser-trail";
import { createLaserTool } from "./laser";
import { drag } from "./test-pointer";

describe("laser pointer", () => {
  it("shows a trail in awareness that fades away, and never writes to the doc", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const frames = manualFrames();
    let now = 0;
    const trail = createLaserTrail(awareness, frames, () => now);
    const laser = createLaserTool(trail);
    let docUpdates = 0;
    doc.on("update", () => docUpdates++);

    drag(laser, [0, 0], [40, 0], { steps: 4, runFrame: frames.runFrame });
    frames.runFrame();
    expect(awareness.getLocalState()?.laser).toEqual({ points: [0, 0, 10, 0, 20, 0, 30, 0, 40, 0] });

    now = 10_000;
    frames.runFrame();
    expect(awareness.getLocalState()?.laser).toBeNull();
    expect(frames.requested()).toBe(false);
    expect(docUpdates).toBe(0);
    awareness.destroy();
  });
});

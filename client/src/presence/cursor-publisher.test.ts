import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { manualFrames } from "../canvas/test-frames";
import { publishCursor } from "./cursor-publisher";

describe("publishCursor", () => {
  it("sets the cursor at most once per frame, to the latest position, in whole board units", () => {
    const awareness = new Awareness(new Y.Doc());
    const frames = manualFrames();
    let updates = 0;
    awareness.on("change", () => updates++);
    const cursor = publishCursor(awareness, frames);
    cursor.move({ x: 1, y: 1 });
    cursor.move({ x: 2.4, y: 3.6 });
    expect(updates).toBe(0);
    frames.runFrame();
    expect(updates).toBe(1);
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 2, y: 4 });
    awareness.destroy();
  });

  it("sends nothing when the pointer moved less than a board unit", () => {
    const awareness = new Awareness(new Y.Doc());
    const frames = manualFrames();
    const cursor = publishCursor(awareness, frames);
    cursor.move({ x: 5, y: 5 });
    frames.runFrame();
    let updates = 0;
    awareness.on("update", () => updates++);
    cursor.move({ x: 5.2, y: 4.9 });
    frames.runFrame();
    expect(updates).toBe(0);
    awareness.destroy();
  });

  it("clears the cursor when the pointer leaves the board", () => {
    const awareness = new Awareness(new Y.Doc());
    const frames = manualFrames();
    const cursor = publishCursor(awareness, frames);
    cursor.move({ x: 5, y: 5 });
    frames.runFrame();
    cursor.move(null);
    frames.runFrame();
    expect(awareness.getLocalState()?.cursor).toBeNull();
    awareness.destroy();
  });
});

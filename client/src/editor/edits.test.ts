import { appendStrokePoints, createBox, createStroke, elementsOf, moveElementTo, readElements } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createEdits } from "./edits";

/** Two replicas kept in sync both ways, as the provider does, with the other side's updates under a remote origin. */
function syncedPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const remote = Symbol("provider");
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== remote) Y.applyUpdate(b, update, remote);
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== remote) Y.applyUpdate(a, update, remote);
  });
  return { a, b };
}

const style = { color: "#000", width: 2, zoom: 1 };

describe("edits", () => {
  it("undoes only this user's change: B's stroke survives A's undo, at both ends", () => {
    const { a, b } = syncedPair();
    const editsA = createEdits(a);
    const editsB = createEdits(b);
    editsA.step(() => createBox(a, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10, createdBy: "A" }));
    editsB.step(() => createStroke(b, { ...style, first: { x: 5, y: 5, pressure: 0.5 }, createdBy: "B" }));
    expect(readElements(a)).toHaveLength(2);

    editsA.undo();
    expect(readElements(a).map((e) => e.createdBy)).toEqual(["B"]);
    expect(readElements(b).map((e) => e.createdBy)).toEqual(["B"]);
    // Nothing left of A's to undo; B's stroke is not A's to take back.
    editsA.undo();
    expect(readElements(b).map((e) => e.createdBy)).toEqual(["B"]);

    editsA.redo();
    expect(readElements(b).map((e) => e.createdBy).sort()).toEqual(["A", "B"]);
  });

  it("undoes a whole gesture in one step however many transactions it took", () => {
    const doc = new Y.Doc();
    const edits = createEdits(doc);
    edits.separate();
    const id = edits.transact(() => createStroke(doc, { ...style, first: { x: 0, y: 0, pressure: 0.5 }, createdBy: "A" }));
    for (let i = 1; i <= 5; i++) edits.transact(() => appendStrokePoints(doc, id, [{ x: i, y: i, pressure: 0.5 }], 1));
    edits.separate();
    const box = edits.step(() => createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1, createdBy: "A" }));

    edits.undo();
    expect(elementsOf(doc).has(box)).toBe(false);
    expect(readElements(doc)[0]).toMatchObject({ type: "stroke" });
    expect((readElements(doc)[0] as { points: number[] }).points).toHaveLength(18);
    edits.undo();
    expect(elementsOf(doc).size).toBe(0);
    expect(edits.history.getState()).toEqual({ canUndo: false, canRedo: true });
  });

  it("undoes a move of someone else's element back to where it was, leaving their later changes", () => {
    const { a, b } = syncedPair();
    const editsA = createEdits(a);
    const editsB = createEdits(b);
    const id = editsB.step(() => createBox(b, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 10, createdBy: "B" }));
    editsA.step(() => moveElementTo(a, id, 50, 50));
    editsB.step(() => (elementsOf(b).get(id) as Y.Map<unknown>).set("color", "#f00"));
    editsA.undo();
    expect(readElements(b)[0]).toMatchObject({ x: 0, y: 0, color: "#f00" });
  });

  it("does not track changes made without it (a remote peer, offline storage replaying)", () => {
    const doc = new Y.Doc();
    const edits = createEdits(doc);
    createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1, createdBy: "A" });
    expect(edits.history.getState().canUndo).toBe(false);
    edits.undo();
    expect(elementsOf(doc).size).toBe(1);
  });
});

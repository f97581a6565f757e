import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WS_CLOSE } from "@whiteboard/shared";
import { BoardDoc, UnreadableStateError } from "./board-doc.js";

function drawn(ids: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const id of ids) doc.getMap("elements").set(id, new Y.Map([["type", "rect"]]));
  return doc;
}

describe("BoardDoc", () => {
  it("encodes the whole doc once for every newcomer while it is unchanged, and again after a change", () => {
    const source = drawn(["first"]);
    const board = new BoardDoc(Y.encodeStateAsUpdate(source));
    const once = board.whole();
    expect(board.whole()).toBe(once);
    const before = Y.encodeStateVector(source);
    source.getMap("elements").set("second", new Y.Map());
    expect(board.apply(Y.encodeStateAsUpdate(source, before))).toEqual({ kind: "changed", elementCount: 2 });
    const after = board.whole();
    expect(after).not.toBe(once);
    // A client that has part of the doc gets only the rest.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, once);
    const rest = board.diff(Y.encodeStateVector(partial));
    expect(rest.byteLength).toBeLessThan(after.byteLength);
    Y.applyUpdate(partial, rest);
    expect([...partial.getMap("elements").keys()].sort()).toEqual(["first", "second"]);
  });

  it("says unchanged for an update it already has, and changed for one that only deletes", () => {
    const source = drawn(["a", "b"]);
    const board = new BoardDoc(Y.encodeStateAsUpdate(source));
    expect(board.apply(Y.encodeStateAsUpdate(source))).toEqual({ kind: "unchanged" });
    const before = Y.encodeStateVector(source);
    source.getMap("elements").delete("a");
    expect(board.apply(Y.encodeStateAsUpdate(source, before))).toEqual({ kind: "changed", elementCount: 1 });
  });

  it("drops what it parked for missing dependencies once past the cap, and refuses the update", () => {
    const board = new BoardDoc(Y.encodeStateAsUpdate(new Y.Doc()));
    const source = new Y.Doc();
    source.getMap("elements").set("first", "x");
    const afterFirst = Y.encodeStateVector(source);
    source.getMap("elements").set("big", "y".repeat(5 * 1024 * 1024));
    const outcome = board.apply(Y.encodeStateAsUpdate(source, afterFirst));
    expect(outcome).toMatchObject({ kind: "rejected", rejection: { code: WS_CLOSE.policyViolation } });
    expect(board.parkedBytes()).toBe(0);
    expect(board.elementsJson()).toEqual({});
  });

  it("refuses a state that is not a Yjs update", () => {
    expect(() => new BoardDoc(new Uint8Array([200, 1, 2, 3, 4, 5]))).toThrow(UnreadableStateError);
  });

  it("makes a snapshot event whose update is the whole doc", () => {
    const board = new BoardDoc(Y.encodeStateAsUpdate(drawn(["x", "y"])));
    const text = board.snapshotEvent(42).toString();
    expect(text.startsWith("id: 42\nevent: snapshot\ndata: ")).toBe(true);
    const { update } = JSON.parse(text.split("data: ")[1]!) as { update: string };
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(update, "base64"));
    expect([...copy.getMap("elements").keys()].sort()).toEqual(["x", "y"]);
  });
});

import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeClientMessage, encodeSyncStep1, encodeUpdate } from "./messages.js";

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe("decodeClientMessage", () => {
  it("decodes a sync step 1 with its state vector", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("a", 1);
    const stateVector = Y.encodeStateVector(doc);
    expect(decodeClientMessage(encodeSyncStep1(stateVector))).toEqual({ ok: true, value: { kind: "syncStep1", stateVector } });
  });

  it("refuses a sync step 1 whose state vector does not decode", () => {
    // Claims three clients, then ends.
    const bad = frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Uint8Array.of(3, 1));
    });
    expect(decodeClientMessage(bad).ok).toBe(false);
  });

  it("refuses trailing bytes after a message, and unknown types", () => {
    const update = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(decodeClientMessage(Uint8Array.of(...update, 0)).ok).toBe(false);
    expect(decodeClientMessage(Uint8Array.of(9)).ok).toBe(false);
  });
});

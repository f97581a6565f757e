import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { messageAwareness } from "y-websocket";
import * as Y from "yjs";
import { ownAwarenessHandler } from "./own-awareness";

/** The client ids a sent awareness message carries states for. */
function clientsIn(message: Uint8Array): number[] {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(messageAwareness);
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(update));
    decoding.readVarUint(update);
    decoding.readVarString(update);
  }
  return clients;
}

function setup() {
  const local = new Awareness(new Y.Doc());
  const remote = new Awareness(new Y.Doc());
  const sent: Uint8Array[] = [];
  local.on("update", ownAwarenessHandler(local, (message) => sent.push(message)));
  return { local, remote, sent };
}

describe("ownAwarenessHandler", () => {
  it("sends our own state when it changes, and only ours", () => {
    const { local, remote, sent } = setup();
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), "server");
    local.setLocalStateField("cursor", { x: 1, y: 2 });
    expect(sent).toHaveLength(1);
    expect(clientsIn(sent[0]!)).toEqual([local.clientID]);
  });

  it("does not echo a state received from another client", () => {
    const { local, remote, sent } = setup();
    remote.setLocalState({ user: { name: "Bo", color: "#000" }, cursor: { x: 5, y: 5 } });
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), "server");
    remote.setLocalStateField("cursor", { x: 6, y: 6 });
    applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), "server");
    expect(local.getStates().get(remote.clientID)).toMatchObject({ cursor: { x: 6, y: 6 } });
    expect(sent).toHaveLength(0);
  });

  it("announces our departure when our state is cleared", () => {
    const { local, remote, sent } = setup();
    local.setLocalState(null);
    expect(sent).toHaveLength(1);
    applyAwarenessUpdate(remote, sent[0]!.subarray(2), "server");
    expect(remote.getStates().has(local.clientID)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { attachOfflineStore, forgetOfflineBoard, offlineStoreName } from "./offline-store";

// What the store does in a browser (keep, reload, send on reconnect) is proven end to end in
// e2e/tests/export.spec.ts: these tests run in Node, which has no IndexedDB.
describe("offline store", () => {
  it("keeps one database per board, named for the board", () => {
    expect(offlineStoreName("abc")).toBe("whiteboard-board:abc");
    expect(offlineStoreName("abc")).not.toBe(offlineStoreName("abd"));
  });

  it("leaves the editor working, online only, where there is no IndexedDB", async () => {
    const doc = new Y.Doc();
    const store = attachOfflineStore(doc, "abc");
    doc.getMap("elements").set("a", 1);
    expect(store.listener).toBeUndefined();
    expect(() => store.keep(Y.encodeStateAsUpdate(doc))).not.toThrow();
    expect(() => store.stop()).not.toThrow();
    await expect(forgetOfflineBoard("abc")).resolves.toBeUndefined();
  });
});

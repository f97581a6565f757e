import { MAX_IMPORT_UPDATE_BYTES, elementsOf, insertElement, readElements } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { importBoardJson } from "./import-json";
import { importMessage } from "./import-message";

const rect = { type: "rect", x: 0, y: 0, w: 10, h: 10, color: "#000", width: 1, z: 0, createdBy: "Bo" };

function file(elements: unknown[]): string {
  return JSON.stringify({ format: "whiteboard", version: 1, elements });
}

describe("importBoardJson", () => {
  it("refuses a malformed file with a sentence that says why, and writes nothing", () => {
    const doc = new Y.Doc();
    const cases: [unknown, RegExp][] = [
      ["{not json", /not JSON/],
      ["[]", /not a Whiteboard file/],
      [JSON.stringify({ type: "excalidraw", elements: [] }), /"format" must be "whiteboard"/],
      [JSON.stringify({ format: "whiteboard", version: 9, elements: [] }), /newer Whiteboard/],
      [JSON.stringify({ format: "whiteboard", version: 1 }), /"elements" must be an array/],
      [42, /not a Whiteboard file/],
    ];
    for (const [input, message] of cases) {
      const result = importBoardJson(doc, input);
      expect(result.ok, String(input)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
    expect(elementsOf(doc).size).toBe(0);
  });

  it("skips invalid elements, imports the rest, and says how many of each", () => {
    const doc = new Y.Doc();
    const result = importBoardJson(doc, file([rect, { ...rect, type: "blob" }, { ...rect, w: "wide" }, null, rect]));
    expect(result).toMatchObject({ ok: true, imported: 2, skipped: 3 });
    expect(readElements(doc)).toHaveLength(2);
    expect(importMessage(result)).toBe("Added 2 elements; skipped 3 that could not be read.");
  });

  it("puts imported elements above what the board already holds, keeping their own order", () => {
    const doc = new Y.Doc();
    insertElement(doc, { ...rect, type: "rect", z: 7 });
    importBoardJson(doc, file([{ ...rect, z: 50, color: "#top" }, { ...rect, z: -3, color: "#bottom" }, { ...rect, z: 50, color: "#top2" }]));
    expect(readElements(doc).map((e) => [e.z, e.color])).toEqual([
      [7, "#000"],
      [8, "#bottom"],
      [9, "#top"],
      [10, "#top2"],
    ]);
  });

  it("writes everything in one transaction under the given origin, so one undo takes it back", () => {
    const doc = new Y.Doc();
    const origin = { user: "me" };
    const undo = new Y.UndoManager(elementsOf(doc), { trackedOrigins: new Set([origin]) });
    const origins: unknown[] = [];
    const record = (transaction: Y.Transaction) => origins.push(transaction.origin);
    doc.on("afterTransaction", record);
    importBoardJson(doc, file([rect, rect, rect]), origin);
    doc.off("afterTransaction", record);
    expect(origins).toEqual([origin]);
    expect(elementsOf(doc).size).toBe(3);
    undo.undo();
    expect(elementsOf(doc).size).toBe(0);
  });

  it("refuses a file too large to reach the server as one message, rather than break the board's sync", () => {
    const doc = new Y.Doc();
    // Long `createdBy` strings make a big update from few elements.
    const big = { ...rect, createdBy: "x".repeat(1024 * 1024) };
    const count = Math.ceil(MAX_IMPORT_UPDATE_BYTES / (1024 * 1024)) + 1;
    const result = importBoardJson(doc, file(Array.from({ length: count }, () => big)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/too large/);
    expect(elementsOf(doc).size).toBe(0);
  });

  it("says so when a valid file holds nothing", () => {
    expect(importMessage(importBoardJson(new Y.Doc(), file([])))).toBe("The file holds no elements.");
  });
});

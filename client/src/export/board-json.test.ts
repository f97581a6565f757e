import { elementsOf, readElements } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportBoardJson } from "./board-json";
import { importBoardJson } from "./import-json";
import { boardWithOneOfEach } from "./test-board";

/** Elements as a reader sees them, minus what an import changes: the id and the `z` it re-ranks. */
function drawn(doc: Y.Doc) {
  return readElements(doc).map(({ id, z, ...rest }) => {
    void id;
    void z;
    return rest;
  });
}

describe("board file round trip", () => {
  it("exports SPEC's fields with plain points and text, in paint order, without ids", () => {
    const { doc } = boardWithOneOfEach();
    const file = exportBoardJson(doc);
    expect(file.format).toBe("whiteboard");
    expect(file.version).toBe(1);
    expect(file.elements.map((e) => e.type)).toEqual(["stroke", "rect", "ellipse", "line", "arrow", "text"]);
    expect(file.elements[0]).toEqual({
      type: "stroke",
      x: 200,
      y: 200,
      color: "#e5484d",
      width: 2,
      z: 0,
      createdBy: "Ada",
      points: [0, 0, 0.5, 20, 10, 0.75, 40, 0, 0.5],
    });
    expect(file.elements[5]).toMatchObject({ text: "hello <world> & \"friends\"\n  second line", fontSize: 18 });
    for (const element of file.elements) expect(element).not.toHaveProperty("id");
  });

  it("survives JSON text and opens into an empty board as the same elements under new ids", () => {
    const { doc, ids } = boardWithOneOfEach();
    const text = JSON.stringify(exportBoardJson(doc));
    const target = new Y.Doc();
    const result = importBoardJson(target, text, "me");
    expect(result).toMatchObject({ ok: true, imported: 6, skipped: 0 });
    expect(drawn(target)).toEqual(drawn(doc));
    const newIds = readElements(target).map((e) => e.id);
    for (const id of newIds) expect(ids).not.toContain(id);
    // Written as the doc model says: points a Y.Array, text a Y.Text, so others can edit them.
    const text0 = elementsOf(target).get(newIds[5]!) as Y.Map<unknown>;
    expect(text0.get("text")).toBeInstanceOf(Y.Text);
    expect((elementsOf(target).get(newIds[0]!) as Y.Map<unknown>).get("points")).toBeInstanceOf(Y.Array);
  });

  it("duplicates rather than overwrites when the same file is opened twice, the second copy on top", () => {
    const { doc } = boardWithOneOfEach();
    const file = exportBoardJson(doc);
    const target = new Y.Doc();
    importBoardJson(target, file);
    importBoardJson(target, file);
    const elements = readElements(target);
    expect(elements).toHaveLength(12);
    expect(new Set(elements.map((e) => e.id)).size).toBe(12);
    expect(elements.map((e) => e.type)).toEqual([...file.elements, ...file.elements].map((e) => e.type));
    expect(elements.map((e) => e.z)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("exports only the selection when one is given", () => {
    const { doc, ids } = boardWithOneOfEach();
    const file = exportBoardJson(doc, { selection: new Set([ids[1]!, ids[4]!, "not-there"]) });
    expect(file.elements.map((e) => e.type)).toEqual(["rect", "arrow"]);
  });

  it("leaves out what the app cannot draw", () => {
    const doc = new Y.Doc();
    const odd = new Y.Map<unknown>();
    odd.set("type", "hexagon");
    elementsOf(doc).set("odd", odd);
    expect(exportBoardJson(doc).elements).toEqual([]);
  });
});

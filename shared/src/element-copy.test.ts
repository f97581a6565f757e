import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { copyElements, elementsFromJson, pasteElements } from "./element-copy.js";
import { createBox, createPolyline, createText } from "./element-create.js";
import { elementsOf } from "./element.js";
import { readElement, readElements } from "./element-read.js";

const style = { color: "#111", width: 2, createdBy: "Ada", zoom: 1 };

describe("copy and paste", () => {
  it("round-trips every element type through JSON into another board with new ids", () => {
    const source = new Y.Doc();
    const ids = [
      createBox(source, { ...style, type: "rect", x: 0, y: 0, w: 10, h: 5, fill: "#eee", opacity: 0.5 }),
      createPolyline(source, { ...style, type: "arrow", points: [{ x: 0, y: 0 }, { x: 9, y: 9 }] }),
      createText(source, { ...style, x: 3, y: 3, text: "hello", fontSize: 20 }),
    ];
    const json = JSON.parse(JSON.stringify(copyElements(source, ids))) as unknown;
    const target = new Y.Doc();
    const pasted = pasteElements(target, elementsFromJson(json), { dx: 100.4, dy: 50, createdBy: "Bo" });
    expect(pasted).toHaveLength(3);
    for (const id of pasted) expect(ids).not.toContain(id);
    const read = readElements(target);
    expect(read.map((e) => e.type)).toEqual(["rect", "arrow", "text"]);
    expect(read[0]).toMatchObject({ x: 100, y: 50, w: 10, fill: "#eee", opacity: 0.5, createdBy: "Bo" });
    expect(read[1]).toMatchObject({ points: [0, 0, 9, 9] });
    expect((elementsOf(target).get(pasted[2]!) as Y.Map<unknown>).get("text")).toBeInstanceOf(Y.Text);
  });

  it("pasting twice makes two copies, stacked above what is there", () => {
    const doc = new Y.Doc();
    const id = createBox(doc, { ...style, type: "rect", x: 0, y: 0, w: 1, h: 1 });
    const copy = copyElements(doc, [id]);
    const first = pasteElements(doc, copy, { dx: 10, dy: 10, createdBy: "Ada" });
    const second = pasteElements(doc, copy, { dx: 10, dy: 10, createdBy: "Ada" });
    expect(elementsOf(doc).size).toBe(3);
    expect(readElement(second[0]!, elementsOf(doc).get(second[0]!))!.z).toBeGreaterThan(
      readElement(first[0]!, elementsOf(doc).get(first[0]!))!.z,
    );
  });

  it("skips malformed and unknown entries from untrusted JSON without throwing", () => {
    const accepted = elementsFromJson([
      null,
      42,
      "rect",
      { type: "hexagon", x: 0, y: 0, color: "#000", width: 1, z: 0, createdBy: "x" },
      { type: "rect", x: "0", y: 0, w: 1, h: 1, color: "#000", width: 1, z: 0, createdBy: "x" },
      { type: "stroke", x: 0, y: 0, points: [0, "a", 0.5], color: "#000", width: 1, z: 0, createdBy: "x" },
      { type: "text", x: 0, y: 0, text: { evil: true }, fontSize: 3, color: "#000", width: 1, z: 0, createdBy: "x" },
      { type: "line", x: 0, y: 0, points: [0, 0, 5, 5], color: "#000", width: 1, z: 0, createdBy: "x", nested: { a: 1 } },
    ]);
    expect(accepted).toEqual([{ type: "line", x: 0, y: 0, points: [0, 0, 5, 5], color: "#000", width: 1, z: 0, createdBy: "x" }]);
    expect(elementsFromJson({ not: "an array" })).toEqual([]);
  });

  it("does not copy elements it cannot read", () => {
    const doc = new Y.Doc();
    const odd = new Y.Map<unknown>();
    odd.set("type", "hexagon");
    elementsOf(doc).set("odd", odd);
    expect(copyElements(doc, ["odd", "missing"])).toEqual([]);
  });
});

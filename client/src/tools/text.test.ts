import { createText, elementsOf } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createEdits } from "../editor/edits";
import { elementQueryFor } from "../geometry/test-element-query";
import { at } from "./test-pointer";
import { createTextTool } from "./text";

function setup() {
  const doc = new Y.Doc();
  const edits = createEdits(doc);
  const query = elementQueryFor(doc);
  const opened: string[] = [];
  const style = { color: "#8e4ec6", width: 4, opacity: 1, fill: null, fontSize: 20 };
  const tool = createTextTool({ edits, query, style: () => style, author: () => "Cy", zoom: () => 1, edit: (id) => opened.push(id) });
  return { doc, tool, opened };
}

describe("text tool", () => {
  it("places an empty Y.Text with SPEC's fields where clicked, and opens it for typing", () => {
    const { doc, tool, opened } = setup();
    tool.down(at(100, 100));
    tool.up(at(100, 100));
    expect(opened).toHaveLength(1);
    const map = elementsOf(doc).get(opened[0]!) as Y.Map<unknown>;
    expect(map.get("text")).toBeInstanceOf(Y.Text);
    // The click is the middle of the first line: 20 px text on 25 px lines starts 12.5 above it.
    expect(map.toJSON()).toEqual({ type: "text", x: 100, y: 88, text: "", fontSize: 20, color: "#8e4ec6", width: 0, z: 0, createdBy: "Cy" });
  });

  it("opens existing text for editing when clicked, instead of adding another", () => {
    const { doc, tool, opened } = setup();
    const id = createText(doc, { x: 0, y: 0, text: "hello", fontSize: 20, color: "#000", createdBy: "Bo", zoom: 1 });
    tool.down(at(10, 10));
    expect(opened).toEqual([id]);
    expect(elementsOf(doc).size).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { elementsOf } from "./element.js";
import { readElements } from "./element-read.js";
import { reorderElements } from "./element-order.js";

function board(zs: Record<string, number>): Y.Doc {
  const doc = new Y.Doc();
  for (const [id, z] of Object.entries(zs)) {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ type: "rect", x: 0, y: 0, w: 1, h: 1, color: "#000", width: 1, createdBy: "t", z })) {
      map.set(key, value);
    }
    elementsOf(doc).set(id, map);
  }
  return doc;
}
const order = (doc: Y.Doc) => readElements(doc).map((e) => e.id);

describe("reorderElements", () => {
  it("brings an element forward past the next one, and only rewrites its own z", () => {
    const doc = board({ a: 0, b: 1, c: 2, d: 3 });
    expect(reorderElements(doc, ["a"], "forward")).toBe(1);
    expect(order(doc)).toEqual(["b", "a", "c", "d"]);
  });

  it("moves a selected block back together", () => {
    const doc = board({ a: 0, b: 1, c: 2, d: 3 });
    reorderElements(doc, ["c", "d"], "backward");
    expect(order(doc)).toEqual(["a", "c", "d", "b"]);
  });

  it("sends to the front and to the back", () => {
    const doc = board({ a: 0, b: 1, c: 2 });
    reorderElements(doc, ["a"], "front");
    expect(order(doc)).toEqual(["b", "c", "a"]);
    reorderElements(doc, ["a", "c"], "back");
    expect(order(doc)).toEqual(["c", "a", "b"]);
  });

  it("writes nothing when the element is already where the move would put it", () => {
    const doc = board({ a: 0, b: 1 });
    expect(reorderElements(doc, ["b"], "forward")).toBe(0);
    expect(reorderElements(doc, ["a"], "back")).toBe(0);
  });

  it("renumbers when neighbours share a z and nothing fits between them", () => {
    const doc = board({ a: 0, b: 1, c: 1 });
    reorderElements(doc, ["a"], "forward");
    expect(order(doc)).toEqual(["b", "a", "c"]);
  });

  it("keeps elements of unknown types in the stack", () => {
    const doc = board({ a: 0, c: 2 });
    const odd = new Y.Map<unknown>();
    odd.set("type", "hexagon");
    odd.set("z", 1);
    elementsOf(doc).set("b", odd);
    reorderElements(doc, ["a"], "forward");
    expect((elementsOf(doc).get("a") as Y.Map<unknown>).get("z")).toBeGreaterThan(1);
    expect(order(doc)).toEqual(["a", "c"]);
  });
});

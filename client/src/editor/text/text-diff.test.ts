import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { shiftCaret, textSplice } from "./text-diff";

describe("textSplice", () => {
  it("finds the one splice a keystroke makes", () => {
    expect(textSplice("helo", "hello")).toEqual({ index: 3, remove: 0, insert: "l" });
    expect(textSplice("hello", "help")).toEqual({ index: 3, remove: 2, insert: "p" });
    expect(textSplice("same", "same")).toBeNull();
  });

  it("lets two people typing into one Y.Text keep both their words", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "ab");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apply = (doc: Y.Doc, before: string, after: string) => {
      const splice = textSplice(before, after)!;
      doc.getText("t").delete(splice.index, splice.remove);
      doc.getText("t").insert(splice.index, splice.insert);
    };
    apply(a, "ab", "aXb");
    apply(b, "ab", "abY");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("aXbY");
    expect(b.getText("t").toString()).toBe("aXbY");
  });

  it("does not cut an emoji in half", () => {
    const splice = textSplice("a😀", "a😃")!;
    expect(splice.index).toBe(1);
  });
});

describe("shiftCaret", () => {
  it("moves the caret on for text inserted before it, and not for text after", () => {
    expect(shiftCaret(3, [{ insert: "xy" }])).toBe(5);
    expect(shiftCaret(3, [{ retain: 5 }, { insert: "xy" }])).toBe(3);
  });

  it("pulls the caret back for text deleted before it", () => {
    expect(shiftCaret(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(shiftCaret(2, [{ retain: 1 }, { delete: 4 }])).toBe(1);
  });
});

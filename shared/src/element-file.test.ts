import { describe, expect, it } from "vitest";
import { BOARD_FILE_VERSION, readBoardFile } from "./element-file.js";

const base = { x: 10, y: 20, color: "#e5484d", width: 2, z: 0, createdBy: "Ada" };

function file(elements: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: "whiteboard", version: 1, elements, ...extra };
}

function errorOf(value: unknown): string {
  const read = readBoardFile(value);
  if (read.ok) throw new Error("expected the file to be refused");
  return read.error;
}

describe("readBoardFile", () => {
  it("reads every SPEC element type with plain points and text", () => {
    const elements = [
      { ...base, type: "stroke", points: [0, 0, 0.5, 10, 4, 0.75] },
      { ...base, type: "rect", w: 30, h: 40, fill: "#eee", rotation: 0.5, opacity: 0.25 },
      { ...base, type: "ellipse", w: 0, h: 5 },
      { ...base, type: "line", points: [0, 0, 10, 10] },
      { ...base, type: "arrow", points: [0, 0, 10, 10, 20, 0] },
      { ...base, type: "text", text: "hello\nworld", fontSize: 18 },
    ];
    expect(readBoardFile(file(elements))).toEqual({ ok: true, elements, skipped: 0 });
  });

  it("skips and counts invalid elements but keeps the valid ones", () => {
    const good = { ...base, type: "rect", w: 1, h: 1 };
    const read = readBoardFile(
      file([
        good,
        { ...base, type: "hexagon" },
        { ...base, type: "rect", w: -1, h: 1 },
        { ...base, type: "rect", x: "10", w: 1, h: 1 },
        { ...base, type: "stroke", points: [] },
        { ...base, type: "stroke", points: [0, 0, "0.5"] },
        { ...base, type: "line", points: [0, 0] },
        { ...base, type: "text", text: 42, fontSize: 12 },
        { ...base, type: "text", text: "hi", fontSize: 0 },
        { ...base, createdBy: undefined, type: "rect", w: 1, h: 1 },
        null,
        "rect",
        [1, 2, 3],
      ]),
    );
    expect(read).toEqual({ ok: true, elements: [good], skipped: 12 });
  });

  it("drops optional fields of the wrong type and unknown fields, as the app does in the doc", () => {
    const read = readBoardFile(file([{ ...base, type: "rect", w: 1, h: 2, fill: 7, rotation: "1", opacity: 3, sparkle: true }]));
    expect(read).toEqual({ ok: true, elements: [{ ...base, type: "rect", w: 1, h: 2 }], skipped: 0 });
  });

  it("drops a trailing partial point rather than the whole stroke", () => {
    const read = readBoardFile(file([{ ...base, type: "stroke", points: [0, 0, 0.5, 4, 4] }]));
    expect(read).toMatchObject({ ok: true, elements: [{ points: [0, 0, 0.5] }] });
  });

  it("ignores fields of the file it does not know", () => {
    expect(readBoardFile(file([], { exportedAt: "2025-01-01", app: { name: "x" } }))).toEqual({
      ok: true,
      elements: [],
      skipped: 0,
    });
  });

  it("refuses what is not a board file, saying why in a sentence", () => {
    expect(errorOf([1, 2])).toMatch(/not a Whiteboard file/);
    expect(errorOf("hello")).toMatch(/not a Whiteboard file/);
    expect(errorOf(null)).toMatch(/not a Whiteboard file/);
    expect(errorOf({ type: "excalidraw", version: 2, elements: [] })).toMatch(/"format" must be "whiteboard"/);
    expect(errorOf(file([], { version: "1" }))).toMatch(/"version"/);
    expect(errorOf(file([], { elements: { a: 1 } }))).toMatch(/"elements" must be an array/);
  });

  it("refuses a file from a newer version rather than guessing at it", () => {
    expect(errorOf(file([], { version: BOARD_FILE_VERSION + 1 }))).toMatch(/newer Whiteboard \(file version 2\)/);
  });
});

import { describe, expect, it } from "vitest";
import { type KeyPress, TOOL_KEYS, commandOf } from "./shortcuts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: extra.code ?? (key.length === 1 && /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : key),
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe("commandOf", () => {
  it("switches tools with single letters", () => {
    expect(commandOf(press("v"))).toEqual({ kind: "tool", tool: "select" });
    expect(commandOf(press("R", { shiftKey: true }))).toEqual({ kind: "tool", tool: "rect" });
    expect(Object.values(TOOL_KEYS).sort()).toEqual(["arrow", "ellipse", "eraser", "hand", "laser", "line", "pen", "rect", "select", "text"]);
  });

  it("undoes with Ctrl or Cmd+Z and redoes with Shift or Y", () => {
    expect(commandOf(press("z", { ctrlKey: true }))).toEqual({ kind: "undo" });
    expect(commandOf(press("z", { metaKey: true }))).toEqual({ kind: "undo" });
    expect(commandOf(press("Z", { ctrlKey: true, shiftKey: true }))).toEqual({ kind: "redo" });
    expect(commandOf(press("y", { ctrlKey: true }))).toEqual({ kind: "redo" });
  });

  it("leaves a letter with Ctrl to the browser unless it is the editor's", () => {
    expect(commandOf(press("p", { ctrlKey: true }))).toBeUndefined();
    expect(commandOf(press("d", { ctrlKey: true }))).toEqual({ kind: "duplicate" });
    expect(commandOf(press("a", { metaKey: true }))).toEqual({ kind: "select-all" });
  });

  it("nudges by 1, or 10 with shift", () => {
    expect(commandOf(press("ArrowLeft"))).toEqual({ kind: "nudge", dx: -1, dy: 0 });
    expect(commandOf(press("ArrowDown", { shiftKey: true }))).toEqual({ kind: "nudge", dx: 0, dy: 10 });
  });

  it("restacks with brackets and zooms with +, -, Shift+1 and Shift+0", () => {
    expect(commandOf(press("]", { code: "BracketRight" }))).toEqual({ kind: "order", move: "forward" });
    expect(commandOf(press("{", { code: "BracketLeft", shiftKey: true }))).toEqual({ kind: "order", move: "back" });
    expect(commandOf(press("+", { code: "Equal", shiftKey: true }))).toEqual({ kind: "zoom", zoom: "in" });
    expect(commandOf(press("-", { code: "Minus" }))).toEqual({ kind: "zoom", zoom: "out" });
    expect(commandOf(press("!", { code: "Digit1", shiftKey: true }))).toEqual({ kind: "zoom", zoom: "fit" });
    expect(commandOf(press(")", { code: "Digit0", shiftKey: true }))).toEqual({ kind: "zoom", zoom: "reset" });
  });

  it("deletes with Delete or Backspace, opens help with ?, and Esc escapes", () => {
    expect(commandOf(press("Delete"))).toEqual({ kind: "delete" });
    expect(commandOf(press("Backspace"))).toEqual({ kind: "delete" });
    expect(commandOf(press("?", { code: "Slash", shiftKey: true }))).toEqual({ kind: "help" });
    expect(commandOf(press("Escape"))).toEqual({ kind: "escape" });
  });
});

import { describe, expect, it } from "vitest";
import { createEditorStore } from "./editor-store";

describe("editor store", () => {
  it("starts with the pen", () => {
    expect(createEditorStore().getState().tool).toBe("pen");
  });

  it("keeps the last style used with each drawing tool", () => {
    const store = createEditorStore();
    const { setTool, setStyle } = store.getState();
    setTool("rect");
    setStyle({ color: "#e5484d", fill: "#ffdbdc" });
    setTool("pen");
    setStyle({ width: 12 });
    setTool("select");
    setTool("rect");
    expect(store.getState().styles.rect).toMatchObject({ color: "#e5484d", fill: "#ffdbdc", width: 2 });
    expect(store.getState().styles.pen).toMatchObject({ color: "#1b1b1f", width: 12 });
  });

  it("styles the last drawing tool while a non-drawing tool is active", () => {
    const store = createEditorStore();
    store.getState().setTool("ellipse");
    store.getState().setTool("eraser");
    expect(store.getState().styledTool).toBe("ellipse");
  });

  it("keeps widths and opacities within range", () => {
    const store = createEditorStore();
    store.getState().setStyle({ width: 500, opacity: -1 });
    expect(store.getState().styles.pen).toMatchObject({ width: 32, opacity: 0.05 });
  });
});

describe("remembered styles", () => {
  function memoryStorage(initial: Record<string, string> = {}) {
    const items = new Map(Object.entries(initial));
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  }

  it("brings each tool's style back on the next visit", () => {
    const storage = memoryStorage();
    const first = createEditorStore(storage);
    first.getState().setTool("rect");
    first.getState().setStyle({ color: "#0090ff", fill: "#c2e5ff" });
    const next = createEditorStore(storage);
    expect(next.getState().styles.rect).toMatchObject({ color: "#0090ff", fill: "#c2e5ff" });
    expect(next.getState().styles.pen).toMatchObject({ color: "#1b1b1f" });
  });

  it("keeps the defaults for anything saved that it cannot read", () => {
    const storage = memoryStorage({ "whiteboard.toolStyles": JSON.stringify({ pen: { color: 7, width: "big", opacity: 0.5 }, rect: "x" }) });
    const store = createEditorStore(storage);
    expect(store.getState().styles.pen).toMatchObject({ color: "#1b1b1f", width: 4, opacity: 0.5 });
    expect(createEditorStore(memoryStorage({ "whiteboard.toolStyles": "{not json" })).getState().styles.rect.width).toBe(2);
  });
});

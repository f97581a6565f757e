import { type StoreApi, createStore } from "zustand/vanilla";
import type { Ink, ToolName } from "../tools/tool";

export interface EditorState extends Ink {
  tool: ToolName;
  setTool(tool: ToolName): void;
  setColor(color: string): void;
  setWidth(width: number): void;
}

export type EditorStore = StoreApi<EditorState>;

export const INK_COLORS = ["#1b1b1f", "#e5484d", "#f76b15", "#30a46c", "#0090ff", "#8e4ec6"] as const;
export const MIN_WIDTH = 1;
export const MAX_WIDTH = 32;
const DEFAULT_WIDTH = 4;

/** The toolbar's state for one editor page. */
export function createEditorStore(): EditorStore {
  return createStore<EditorState>()((set) => ({
    tool: "pen",
    color: INK_COLORS[0],
    width: DEFAULT_WIDTH,
    setTool: (tool) => set({ tool }),
    setColor: (color) => set({ color }),
    setWidth: (width) => set({ width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width))) }),
  }));
}

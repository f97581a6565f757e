import { type StoreApi, createStore } from "zustand/vanilla";
import { type StyledTool, type ToolName, type ToolStyle, isStyledTool } from "../tools/tool";
import { type StyleStorage, loadStyles, saveStyles } from "./style-memory";

export interface EditorState {
  tool: ToolName;
  /** Each drawing tool's own style: the last one used with it sticks. */
  styles: Record<StyledTool, ToolStyle>;
  /** The tool whose style the style panel shows: the current one, or the last drawing tool. */
  styledTool: StyledTool;
  helpOpen: boolean;
  setTool(tool: ToolName): void;
  /** Changes the style of `styledTool`. */
  setStyle(patch: Partial<ToolStyle>): void;
  setHelpOpen(open: boolean): void;
}

export type EditorStore = StoreApi<EditorState>;

export const INK_COLORS = ["#1b1b1f", "#e5484d", "#f76b15", "#30a46c", "#0090ff", "#8e4ec6"] as const;
/** Fills are the inks' light tints: a filled shape keeps its outline readable. */
export const FILL_COLORS = ["#e4e4e9", "#ffdbdc", "#ffdcc3", "#c4e8d1", "#c2e5ff", "#e0d0f2"] as const;
export const MIN_WIDTH = 1;
export const MAX_WIDTH = 32;
export const FONT_SIZES = [16, 24, 36, 56] as const;
const MIN_FONT_SIZE = 4;
const MAX_FONT_SIZE = 400;

const BASE_STYLE: ToolStyle = { color: INK_COLORS[0], width: 4, opacity: 1, fill: null, fontSize: FONT_SIZES[1] };

/**
 * The toolbar's state for one editor page. The pen is ready on arrival: most visits come to
 * draw. Each tool's style is remembered in `storage`, so it sticks across visits and boards.
 */
export function createEditorStore(storage: StyleStorage | null = null): EditorStore {
  const defaults: Record<StyledTool, ToolStyle> = {
    pen: { ...BASE_STYLE },
    rect: { ...BASE_STYLE, width: 2 },
    ellipse: { ...BASE_STYLE, width: 2 },
    line: { ...BASE_STYLE, width: 2 },
    arrow: { ...BASE_STYLE, width: 2 },
    text: { ...BASE_STYLE },
  };
  const loaded = loadStyles(storage, defaults);
  for (const tool of Object.keys(loaded) as StyledTool[]) loaded[tool] = cleanStyle(loaded[tool]);
  const store = createStore<EditorState>()((set) => ({
    tool: "pen",
    styles: loaded,
    styledTool: "pen",
    helpOpen: false,
    setTool: (tool) => set((s) => ({ tool, styledTool: isStyledTool(tool) ? tool : s.styledTool })),
    setStyle: (patch) =>
      set((s) => ({ styles: { ...s.styles, [s.styledTool]: cleanStyle({ ...s.styles[s.styledTool], ...patch }) } })),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
  }));
  store.subscribe((state, previous) => {
    if (state.styles !== previous.styles) saveStyles(storage, state.styles);
  });
  return store;
}

function cleanStyle(style: ToolStyle): ToolStyle {
  return {
    ...style,
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(style.width))),
    opacity: Math.min(1, Math.max(0.05, Math.round(style.opacity * 100) / 100)),
    fontSize: Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(style.fontSize))),
  };
}

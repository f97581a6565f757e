import type { StyledTool, ToolStyle } from "../tools/tool";

/** Where the tools' styles are kept between visits: `localStorage`, or nothing where it is unavailable. */
export type StyleStorage = Pick<Storage, "getItem" | "setItem">;

const KEY = "whiteboard.toolStyles";

/**
 * The styles saved last time, merged over the defaults field by field: anything missing or
 * of the wrong type (an older version's, or hand-edited) keeps its default.
 */
export function loadStyles(storage: StyleStorage | null, defaults: Record<StyledTool, ToolStyle>): Record<StyledTool, ToolStyle> {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(KEY) ?? "null");
  } catch {
    return defaults;
  }
  if (typeof saved !== "object" || saved === null) return defaults;
  const result = { ...defaults };
  for (const tool of Object.keys(defaults) as StyledTool[]) {
    const style = (saved as Record<string, unknown>)[tool];
    if (typeof style !== "object" || style === null) continue;
    const s = style as Record<string, unknown>;
    const base = defaults[tool];
    result[tool] = {
      color: typeof s.color === "string" && s.color.length <= 64 ? s.color : base.color,
      width: typeof s.width === "number" && Number.isFinite(s.width) ? s.width : base.width,
      opacity: typeof s.opacity === "number" && Number.isFinite(s.opacity) ? s.opacity : base.opacity,
      fill: s.fill === null || (typeof s.fill === "string" && s.fill.length <= 64) ? s.fill : base.fill,
      fontSize: typeof s.fontSize === "number" && Number.isFinite(s.fontSize) ? s.fontSize : base.fontSize,
    };
  }
  return result;
}

export function saveStyles(storage: StyleStorage | null, styles: Record<StyledTool, ToolStyle>): void {
  try {
    storage?.setItem(KEY, JSON.stringify(styles));
  } catch {
    // Full or forbidden storage: the styles just last for this page.
  }
}

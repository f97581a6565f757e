import type { ToolName } from "../tools/tool";

/** 24 x 24 stroke icons, drawn with `currentColor`. */
export const TOOL_ICONS: Record<ToolName | "undo" | "redo" | "help", string> = {
  select: "M5 3l13 8-6 1.5L9.5 19z",
  hand: "M8 12V5.5a1.5 1.5 0 0 1 3 0V11 M11 10.5V4a1.5 1.5 0 0 1 3 0v6.5 M14 10.5V5.5a1.5 1.5 0 0 1 3 0V14a6 6 0 0 1-6 6h-.6a6 6 0 0 1-4.6-2.2L3.6 14.9a1.5 1.5 0 0 1 2.3-1.9L8 15",
  pen: "M4 20l1.2-4.6L15.6 5a2 2 0 0 1 2.8 0l.6.6a2 2 0 0 1 0 2.8L8.6 18.8 4 20z M13.5 7l3.5 3.5",
  rect: "M4 6h16v12H4z",
  ellipse: "M12 5c4.8 0 8.5 3.1 8.5 7s-3.7 7-8.5 7-8.5-3.1-8.5-7 3.7-7 8.5-7z",
  line: "M5 19L19 5",
  arrow: "M5 19L19 5 M10 5h9v9",
  text: "M5 6V4h14v2 M12 4v16 M9 20h6",
  eraser: "M16.5 4.5l3 3a2 2 0 0 1 0 2.8L11 18.8H6.8l-2.3-2.3a2 2 0 0 1 0-2.8l9.2-9.2a2 2 0 0 1 2.8 0z M9 9.5l5.5 5.5 M11 18.8h9",
  laser: "M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M12 3v3 M12 18v3 M3 12h3 M18 12h3 M5.6 5.6l2.1 2.1 M16.3 16.3l2.1 2.1 M5.6 18.4l2.1-2.1 M16.3 7.7l2.1-2.1",
  undo: "M9 14L4 9l5-5 M4 9h10.5a5.5 5.5 0 0 1 0 11H11",
  redo: "M15 14l5-5-5-5 M20 9H9.5a5.5 5.5 0 0 0 0 11H13",
  help: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3 M12 17h.01",
};

export function ToolIcon({ name }: { name: keyof typeof TOOL_ICONS }) {
  return (
    <svg className="tool-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d={TOOL_ICONS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

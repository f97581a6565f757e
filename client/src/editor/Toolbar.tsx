import type { CSSProperties } from "react";
import { useStore } from "zustand";
import type { ToolName } from "../tools/tool";
import { type EditorStore, INK_COLORS, MAX_WIDTH, MIN_WIDTH } from "./editor-store";

const TOOLS: { name: ToolName; label: string; hint: string; icon: string }[] = [
  {
    name: "pen",
    label: "Pen",
    hint: "Pen: draw freehand",
    icon: "M4 20l1.2-4.6L15.6 5a2 2 0 0 1 2.8 0l.6.6a2 2 0 0 1 0 2.8L8.6 18.8 4 20z M13.5 7l3.5 3.5",
  },
  {
    name: "hand",
    label: "Hand",
    hint: "Hand: drag to move around (or hold space, or drag with the middle button)",
    icon: "M8 12V5.5a1.5 1.5 0 0 1 3 0V11 M11 10.5V4a1.5 1.5 0 0 1 3 0v6.5 M14 10.5V5.5a1.5 1.5 0 0 1 3 0V14a6 6 0 0 1-6 6h-.6a6 6 0 0 1-4.6-2.2L3.6 14.9a1.5 1.5 0 0 1 2.3-1.9L8 15",
  },
];

/** Tools and ink. Colour and width are the pen's; the hand only moves the view. */
export function Toolbar({ store }: { store: EditorStore }) {
  const tool = useStore(store, (s) => s.tool);
  const color = useStore(store, (s) => s.color);
  const width = useStore(store, (s) => s.width);
  const { setTool, setColor, setWidth } = store.getState();

  return (
    <div className="toolbar" role="toolbar" aria-label="Drawing tools">
      <div className="tool-group">
        {TOOLS.map((t) => (
          <button
            key={t.name}
            type="button"
            className={`tool-button tool-${t.name}`}
            data-testid={`tool-${t.name}`}
            aria-pressed={tool === t.name}
            title={t.hint}
            onClick={() => setTool(t.name)}
          >
            <svg className="tool-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d={t.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="visually-hidden">{t.label}</span>
          </button>
        ))}
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="tool-group swatches" role="group" aria-label="Ink colour">
        {INK_COLORS.map((ink) => (
          <button
            key={ink}
            type="button"
            className="swatch"
            style={{ background: ink }}
            aria-pressed={color === ink}
            title={ink}
            onClick={() => {
              setColor(ink);
              setTool("pen");
            }}
          >
            <span className="visually-hidden">Ink {ink}</span>
          </button>
        ))}
        <label className="swatch custom" title="Any colour" style={{ "--ink": color } as CSSProperties}>
          <span className="visually-hidden">Ink colour</span>
          <input
            type="color"
            data-testid="color-picker"
            value={color}
            onChange={(event) => {
              setColor(event.target.value);
              setTool("pen");
            }}
          />
        </label>
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <label className="width-field" title="Pen width">
        <span className="width-preview" aria-hidden="true">
          <span style={{ width: Math.max(2, width), height: Math.max(2, width), background: color }} />
        </span>
        <span className="visually-hidden">Pen width</span>
        <input
          type="range"
          data-testid="width-picker"
          min={MIN_WIDTH}
          max={MAX_WIDTH}
          step={1}
          value={width}
          onChange={(event) => setWidth(Number(event.target.value))}
        />
        <span className="width-value small muted" aria-hidden="true">
          {width}
        </span>
      </label>
    </div>
  );
}

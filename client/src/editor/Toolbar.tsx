import { useStore } from "zustand";
import type { ToolName } from "../tools/tool";
import type { Edits } from "./edits";
import type { EditorStore } from "./editor-store";
import { ToolIcon } from "./ToolIcon";

const TOOLS: { name: ToolName; label: string; key: string }[] = [
  { name: "select", label: "Select", key: "V" },
  { name: "hand", label: "Hand: drag to move around (or hold space)", key: "H" },
  { name: "pen", label: "Pen: draw freehand", key: "P" },
  { name: "rect", label: "Rectangle", key: "R" },
  { name: "ellipse", label: "Ellipse", key: "O" },
  { name: "line", label: "Line", key: "L" },
  { name: "arrow", label: "Arrow", key: "A" },
  { name: "text", label: "Text", key: "T" },
  { name: "eraser", label: "Eraser", key: "E" },
  { name: "laser", label: "Laser pointer: others see it, the board keeps nothing", key: "K" },
];

/** The tools, undo and redo, and the help: one row along the bottom. */
export function Toolbar({ store, edits }: { store: EditorStore; edits: Edits }) {
  const tool = useStore(store, (s) => s.tool);
  const { canUndo, canRedo } = useStore(edits.history);
  const { setTool, setHelpOpen } = store.getState();

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
            title={`${t.label} (${t.key})`}
            onClick={() => setTool(t.name)}
          >
            <ToolIcon name={t.name} />
            <span className="visually-hidden">{t.label}</span>
            <kbd className="tool-key" aria-hidden="true">
              {t.key}
            </kbd>
          </button>
        ))}
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="tool-group">
        <button type="button" className="tool-button" data-testid="undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => edits.undo()}>
          <ToolIcon name="undo" />
          <span className="visually-hidden">Undo</span>
        </button>
        <button type="button" className="tool-button" data-testid="redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => edits.redo()}>
          <ToolIcon name="redo" />
          <span className="visually-hidden">Redo</span>
        </button>
        <button type="button" className="tool-button" data-testid="help-button" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
          <ToolIcon name="help" />
          <span className="visually-hidden">Keyboard shortcuts</span>
        </button>
      </div>
    </div>
  );
}

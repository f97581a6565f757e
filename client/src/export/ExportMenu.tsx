import { type ReactNode, useState } from "react";
import type * as Y from "yjs";
import { PopoverMenu } from "../controls/PopoverMenu";
import { exportBoardJson } from "./board-json";
import { downloadBlob } from "./download";
import { exportFileName } from "./file-name";
import { importBoardJson } from "./import-json";
import { importMessage } from "./import-message";
import { exportPng } from "./png";
import { exportSvg } from "./svg";
import "./export-menu.css";

/** Twice the board's resolution: sharp on high-density screens and when the image is zoomed. */
const PNG_SCALE = 2;
/**
 * Reading a file means holding all of it in memory as text, then as objects; past this it is
 * not a board anyone drew here (a 10,000-stroke board is about 15 MB of JSON).
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ExportMenuProps {
  doc: Y.Doc;
  boardName: string;
  /** The ids selected now; when some are, exports can be limited to them. */
  selection?: ReadonlySet<string>;
  /** The transaction origin of an import: this user's undo origin, so one undo takes it back. */
  origin?: unknown;
}

/** Export the board as PNG, SVG or a board file, and open a board file into this board. */
export function ExportMenu({ doc, boardName, selection, origin = null }: ExportMenuProps) {
  const [transparent, setTransparent] = useState(false);
  const [selectionOnly, setSelectionOnly] = useState(true);
  const [status, setStatus] = useState("");

  const hasSelection = selection !== undefined && selection.size > 0;
  const scope = hasSelection && selectionOnly ? { selection } : {};

  const run = async (task: () => Promise<string> | string) => {
    try {
      setStatus(await task());
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** Saves the blob `make` builds as this board's file of that extension; a finished export says nothing. */
  const download = (extension: "png" | "svg" | "json", make: () => Promise<Blob> | Blob) =>
    void run(async () => {
      downloadBlob(await make(), exportFileName(boardName, extension));
      return "";
    });

  return (
    <PopoverMenu
      label="Export"
      testid="export-menu"
      panelLabel="Export and open"
      className="export-menu"
      panelClassName="export-panel"
    >
      {hasSelection && (
        <ExportOption testid="export-selection-only" checked={selectionOnly} onChange={setSelectionOnly}>
          Only the selection ({selection.size})
        </ExportOption>
      )}
      <ExportOption testid="export-transparent" checked={transparent} onChange={setTransparent}>
        Transparent background
      </ExportOption>
      <button
        type="button"
        className="button small"
        data-testid="export-png"
        onClick={() => download("png", () => exportPng(doc, { ...scope, transparent, scale: PNG_SCALE }))}
      >
        PNG image
      </button>
      <button
        type="button"
        className="button small"
        data-testid="export-svg"
        onClick={() => download("svg", () => new Blob([exportSvg(doc, { ...scope, transparent })], { type: "image/svg+xml" }))}
      >
        SVG image
      </button>
      <button
        type="button"
        className="button small"
        data-testid="export-json"
        title="Save the drawing as a file you can open into any board"
        onClick={() =>
          download("json", () => new Blob([JSON.stringify(exportBoardJson(doc, scope))], { type: "application/json" }))
        }
      >
        Board file (.json)
      </button>
      <hr className="popover-divider" />
      <label className="button small export-open" title="Add the drawing in a .json board file to this board">
        Open .json…
        <input
          type="file"
          className="visually-hidden"
          data-testid="import-json"
          accept=".json,application/json"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared at once, so picking the same file again imports it again.
            input.value = "";
            if (!file) return;
            void run(async () => {
              if (file.size > MAX_FILE_BYTES) return `${file.name} is too large to be a board file.`;
              return importMessage(importBoardJson(doc, await file.text(), origin));
            });
          }}
        />
      </label>
      <p className="export-status small" role="status" data-testid="export-status">
        {status}
      </p>
    </PopoverMenu>
  );
}

/** A checkbox that shapes what the exports hold. */
function ExportOption({
  testid,
  checked,
  onChange,
  children,
}: {
  testid: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="export-option">
      <input type="checkbox" data-testid={testid} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {children}
    </label>
  );
}

import { useCallback, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import { useDismiss } from "../controls/use-dismiss";
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
  const [open, setOpen] = useState(false);
  const [transparent, setTransparent] = useState(false);
  const [selectionOnly, setSelectionOnly] = useState(true);
  const [status, setStatus] = useState("");
  const rootRef = useRef<HTMLDivElement | null>(null);
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const panelId = useId();
  const closeMenu = useCallback(() => setOpen(false), []);

  const hasSelection = selection !== undefined && selection.size > 0;
  const scope = hasSelection && selectionOnly ? { selection } : {};

  useDismiss(open, rootRef, toggleRef, closeMenu);

  const run = async (task: () => Promise<string> | string) => {
    try {
      setStatus(await task());
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button small"
        data-testid="export-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        Export
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label="Export and open" hidden={!open}>
        {hasSelection && (
          <label className="export-option">
            <input
              type="checkbox"
              data-testid="export-selection-only"
              checked={selectionOnly}
              onChange={(event) => setSelectionOnly(event.target.checked)}
            />
            Only the selection ({selection.size})
          </label>
        )}
        <label className="export-option">
          <input
            type="checkbox"
            data-testid="export-transparent"
            checked={transparent}
            onChange={(event) => setTransparent(event.target.checked)}
          />
          Transparent background
        </label>
        <button
          type="button"
          className="button small"
          data-testid="export-png"
          onClick={() =>
            void run(async () => {
              downloadBlob(await exportPng(doc, { ...scope, transparent, scale: PNG_SCALE }), exportFileName(boardName, "png"));
              return "";
            })
          }
        >
          PNG image
        </button>
        <button
          type="button"
          className="button small"
          data-testid="export-svg"
          onClick={() =>
            void run(() => {
              const svg = exportSvg(doc, { ...scope, transparent });
              downloadBlob(new Blob([svg], { type: "image/svg+xml" }), exportFileName(boardName, "svg"));
              return "";
            })
          }
        >
          SVG image
        </button>
        <button
          type="button"
          className="button small"
          data-testid="export-json"
          title="Save the drawing as a file you can open into any board"
          onClick={() =>
            void run(() => {
              const json = JSON.stringify(exportBoardJson(doc, scope));
              downloadBlob(new Blob([json], { type: "application/json" }), exportFileName(boardName, "json"));
              return "";
            })
          }
        >
          Board file (.json)
        </button>
        <hr className="export-divider" />
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
      </div>
    </div>
  );
}

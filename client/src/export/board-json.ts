import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION, type BoardFile, type Element, type FileElement } from "@whiteboard/shared";
import type * as Y from "yjs";
import { type ExportScope, exportEntries } from "./export-scope";

/**
 * The board (or the selection) as a board file: SPEC's fields with plain values, in paint
 * order, without ids (opening the file anywhere gives fresh ones). `JSON.stringify` it to save.
 */
export function exportBoardJson(doc: Y.Doc, scope: ExportScope = {}): BoardFile {
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    elements: exportEntries(doc, scope).map((entry) => withoutId(entry.element)),
  };
}

/** The type first: it says how to read the rest, to a person reading the file too. */
function withoutId(element: Element): FileElement {
  const { id, type, ...fields } = element;
  void id;
  return { type, ...fields } as FileElement;
}

import {
  type FileElement,
  MAX_IMPORT_UPDATE_BYTES,
  elementMap,
  elementsOf,
  newElementId,
  nextZ,
  readBoardFile,
} from "@whiteboard/shared";
import * as Y from "yjs";

export type ImportResult =
  | { ok: true; imported: number; skipped: number; ids: string[] }
  | { ok: false; error: string };

/**
 * Opens a board file into `doc`: every valid element under a new id, so importing twice
 * duplicates rather than overwrites; invalid elements are skipped and counted. `input` is the
 * file's text or its parsed JSON. Everything lands in one transaction with `origin`, so it
 * reaches others as one update and one undo step takes it all back. Never throws on bad input:
 * a file that cannot be opened is an `{ ok: false }` with a sentence for the user.
 */
export function importBoardJson(doc: Y.Doc, input: unknown, origin: unknown = null): ImportResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, error: "This file is not JSON, so it cannot be a Whiteboard file." };
    }
  }
  const read = readBoardFile(value);
  if (!read.ok) return read;

  // Built aside first: its size decides whether it may go out as one message at all.
  const scratch = new Y.Doc();
  const ids = writeOnTop(scratch, read.elements, nextZ(doc));
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  if (update.byteLength > MAX_IMPORT_UPDATE_BYTES) {
    const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
    return {
      ok: false,
      error: `This file is too large to open into a live board (${mib(update.byteLength)} MiB of drawing; at most ${mib(MAX_IMPORT_UPDATE_BYTES)} MiB at once).`,
    };
  }
  if (ids.length > 0) Y.applyUpdate(doc, update, origin);
  return { ok: true, imported: ids.length, skipped: read.skipped, ids };
}

/**
 * Writes the elements with new ids, above `baseZ` (so they paint over what the board already
 * holds) and in the file's paint order: `z` ranks, file order breaking ties, which the new ids
 * could not do the way the old ones did.
 */
function writeOnTop(doc: Y.Doc, elements: readonly FileElement[], baseZ: number): string[] {
  const ordered = elements.map((element, index) => ({ element, index }));
  ordered.sort((a, b) => a.element.z - b.element.z || a.index - b.index);
  const ids: string[] = [];
  doc.transact(() => {
    const target = elementsOf(doc);
    ordered.forEach(({ element }, rank) => {
      const id = newElementId();
      const map = elementMap(element);
      map.set("z", baseZ + rank);
      target.set(id, map);
      ids.push(id);
    });
  });
  return ids;
}

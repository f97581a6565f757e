import type { ImportResult } from "./import-json";

/** What the person who opened a file is told about it. */
export function importMessage(result: ImportResult): string {
  if (!result.ok) return result.error;
  const { imported, skipped } = result;
  const added = imported === 1 ? "Added 1 element" : `Added ${imported} elements`;
  if (skipped === 0) return imported === 0 ? "The file holds no elements." : `${added}.`;
  return `${added}; skipped ${skipped} that could not be read.`;
}

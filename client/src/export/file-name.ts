/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_STEM_LENGTH = 100;

/**
 * A download's file name from the board's name: `Sprint plan.png`. Whatever the name holds, the
 * result is a name every system accepts, and never empty.
 */
export function exportFileName(boardName: string, extension: "png" | "svg" | "json"): string {
  const stem = boardName.replace(UNSAFE, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "").slice(0, MAX_STEM_LENGTH).trim();
  return `${stem || "board"}.${extension}`;
}

import { type ElementFields, elementsFromJson } from "@whiteboard/shared";

/**
 * What a copy puts on the system clipboard: plain JSON text with a marker, so a paste into
 * any board (this one, another tab's, another browser's) recognises it, and a paste into a
 * text editor shows something a person can read. The elements are checked on the way in
 * exactly as the doc's own are: a clipboard is anybody's to write.
 */
export const CLIPBOARD_MARKER = "whiteboard/elements";
export const CLIPBOARD_VERSION = 1;

export interface ClipboardPayload {
  type: typeof CLIPBOARD_MARKER;
  version: typeof CLIPBOARD_VERSION;
  elements: ElementFields[];
}

export function encodeClipboard(elements: readonly ElementFields[]): string {
  const payload: ClipboardPayload = { type: CLIPBOARD_MARKER, version: CLIPBOARD_VERSION, elements: [...elements] };
  return JSON.stringify(payload);
}

/** The elements of a copied payload, or null when the text is not one (then it is just text). */
export function decodeClipboard(text: string): ElementFields[] | null {
  if (!text.trimStart().startsWith("{") || !text.includes(CLIPBOARD_MARKER)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { type, version, elements } = parsed as Record<string, unknown>;
  // A newer version may hold what this client cannot read; what it can is still worth pasting.
  if (type !== CLIPBOARD_MARKER || typeof version !== "number") return null;
  return elementsFromJson(elements);
}

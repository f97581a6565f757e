import type * as Y from "yjs";
import type { Viewport } from "../canvas/viewport";

/**
 * A test hook, and the only thing the app puts on `window`: the e2e suite reads the board's doc
 * through `window.__whiteboard.doc` to check what was written, without scraping the canvas,
 * and the view and selection through `viewport()` and `selection()`. Nothing in the app reads it.
 */
interface WhiteboardTestHook {
  doc: Y.Doc;
  viewport?: () => Viewport;
  selection?: () => readonly string[];
}

declare global {
  interface Window {
    __whiteboard?: WhiteboardTestHook;
  }
}

/** Exposes `doc` until the returned function is called. */
export function exposeForTests(doc: Y.Doc): () => void {
  const hook: WhiteboardTestHook = { doc };
  window.__whiteboard = hook;
  return () => {
    if (window.__whiteboard === hook) delete window.__whiteboard;
  };
}

/** Adds the editor's view and selection to the hook of `doc`, until the returned function is called. */
export function exposeEditorForTests(doc: Y.Doc, viewport: () => Viewport, selection: () => readonly string[]): () => void {
  const hook = window.__whiteboard;
  if (!hook || hook.doc !== doc) return () => {};
  hook.viewport = viewport;
  hook.selection = selection;
  return () => {
    delete hook.viewport;
    delete hook.selection;
  };
}

import type * as Y from "yjs";

/**
 * A test hook, and the only thing the app puts on `window`: the e2e suite reads the board's doc
 * through `window.__whiteboard.doc` to check what was written, without scraping the canvas.
 * Nothing in the app reads it.
 */
interface WhiteboardTestHook {
  doc: Y.Doc;
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

import type * as Y from "yjs";

/**
 * A test hook: the e2e suite reads the viewer's doc through `window.__whiteboardViewer.doc` to
 * check what arrived over the feed, without scraping the canvas. Nothing in the app reads it.
 */
interface ViewerTestHook {
  doc: Y.Doc;
}

declare global {
  interface Window {
    __whiteboardViewer?: ViewerTestHook;
  }
}

/** Exposes `doc` until the returned function is called. */
export function exposeViewerForTests(doc: Y.Doc): () => void {
  const hook: ViewerTestHook = { doc };
  window.__whiteboardViewer = hook;
  return () => {
    if (window.__whiteboardViewer === hook) delete window.__whiteboardViewer;
  };
}

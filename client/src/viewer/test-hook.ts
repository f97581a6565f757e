import type * as Y from "yjs";

/**
 * A test hook: the e2e suite reads the viewer's doc through `window.__whiteboardViewer.doc` to
 * check what arrived over the feed, without scraping the canvas. Nothing in the app reads it.
 */
interface ViewerTestHook {
  doc: Y.Doc;
  /** Every stream URL the page opened, in order (a resume carries `lastEventId`). */
  streams: string[];
  /** How many `snapshot` events arrived: a resume served from the log adds none. */
  snapshots: number;
}

declare global {
  interface Window {
    __whiteboardViewer?: ViewerTestHook;
  }
}

/** Exposes `doc` and what the feed did until `hide` is called. */
export function exposeViewerForTests(doc: Y.Doc): { hook: ViewerTestHook; hide(): void } {
  const hook: ViewerTestHook = { doc, streams: [], snapshots: 0 };
  window.__whiteboardViewer = hook;
  return {
    hook,
    hide() {
      if (window.__whiteboardViewer === hook) delete window.__whiteboardViewer;
    },
  };
}

import { ELEMENTS_KEY } from "@whiteboard/shared";
import * as Y from "yjs";
import { type StoreApi, createStore } from "zustand/vanilla";

/**
 * This user's changes to the board, and their undo history. Every write a tool makes goes
 * through `transact`, under an origin only this page holds: the undo manager tracks that origin
 * and nothing else, so undo reverts this user's own changes and never a collaborator's (theirs
 * arrive with the provider as origin; offline storage replays with its own).
 */
export interface Edits {
  readonly doc: Y.Doc;
  /** One transaction of this user's; it joins the undo step in progress. */
  transact<T>(change: () => T): T;
  /**
   * Closes the undo step in progress: the next change starts a new one. A gesture (a stroke, a
   * drag, a resize) calls it when it starts and when it ends, so however many frames it wrote
   * in, it undoes in one step.
   */
  separate(): void;
  /** The transaction origin of this page's own edits (what the undo manager tracks). */
  readonly origin: unknown;
  /** One change that is one undo step of its own (a delete, a paste, a nudge). */
  step<T>(change: () => T): T;
  undo(): void;
  redo(): void;
  readonly history: StoreApi<HistoryState>;
  destroy(): void;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** This page's own edits; a class so the undo manager can tell its instances apart from plain objects. */
class LocalEdit {}

/**
 * Undo steps are cut by `separate`, never by time: a slow stroke is still one step. The undo
 * manager merges changes that come within `captureTimeout` of each other, so it is set past
 * any gesture's length.
 */
const NEVER_MERGE_BY_TIME_MS = 2 ** 31 - 1;

export function createEdits(doc: Y.Doc): Edits {
  const origin = new LocalEdit();
  const undoManager = new Y.UndoManager(doc.getMap(ELEMENTS_KEY), {
    trackedOrigins: new Set([origin]),
    captureTimeout: NEVER_MERGE_BY_TIME_MS,
  });
  const history = createStore<HistoryState>()(() => ({ canUndo: false, canRedo: false }));
  const sync = () => history.setState({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
  undoManager.on("stack-item-added", sync);
  undoManager.on("stack-item-popped", sync);
  undoManager.on("stack-cleared", sync);

  const transact = <T>(change: () => T): T => {
    let result!: T;
    doc.transact(() => {
      result = change();
    }, origin);
    return result;
  };

  return {
    doc,
    transact,
    origin,
    separate: () => undoManager.stopCapturing(),
    step(change) {
      undoManager.stopCapturing();
      const result = transact(change);
      undoManager.stopCapturing();
      return result;
    },
    undo() {
      undoManager.stopCapturing();
      undoManager.undo();
    },
    redo() {
      undoManager.stopCapturing();
      undoManager.redo();
    },
    history,
    destroy: () => undoManager.destroy(),
  };
}

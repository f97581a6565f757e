import type { Board } from "@whiteboard/shared";
import { ApiError, describeError } from "../api/api-error";
import type { GalleryStore } from "./gallery-store";

/** The API calls behind the gallery's buttons (`boards-api.ts` in the app, stubs in tests). */
export interface BoardMutations {
  createBoard(name?: string): Promise<Board>;
  renameBoard(id: string, name: string): Promise<Board>;
  deleteBoard(id: string): Promise<void>;
}

export interface GalleryActionsDeps {
  store: GalleryStore;
  api: BoardMutations;
  /** Refetches the list at once (the poller's `pollNow`). */
  refresh: () => void;
}

/**
 * What the gallery's buttons do. Each resolves to whether it succeeded; a failure is shown
 * through the store's `actionError`, so none of them rejects.
 */
export function createGalleryActions({ store, api, refresh }: GalleryActionsDeps) {
  const fail = (message: string) => store.getState().setActionError(message);
  const succeed = () => store.getState().setActionError(null);
  const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

  return {
    async create(name: string): Promise<boolean> {
      try {
        await api.createBoard(name);
      } catch (error) {
        fail(describeError(error));
        return false;
      }
      succeed();
      refresh();
      return true;
    },

    async rename(board: Board, name: string): Promise<boolean> {
      try {
        store.getState().boardUpdated(await api.renameBoard(board.id, name));
      } catch (error) {
        if (isNotFound(error)) {
          store.getState().boardRemoved(board.id);
          refresh();
          fail(`“${board.name}” no longer exists: it was deleted elsewhere.`);
        } else {
          // A 400 carries the server's validation message, naming the field.
          fail(describeError(error));
        }
        return false;
      }
      succeed();
      refresh();
      return true;
    },

    async remove(board: Board): Promise<boolean> {
      try {
        await api.deleteBoard(board.id);
      } catch (error) {
        // Deleted elsewhere first: what the user asked for is done.
        if (!isNotFound(error)) {
          fail(describeError(error));
          return false;
        }
      }
      store.getState().boardRemoved(board.id);
      succeed();
      refresh();
      return true;
    },

    reportError(message: string | null): void {
      store.getState().setActionError(message);
    },
  };
}

export type GalleryActions = ReturnType<typeof createGalleryActions>;

import { createStore, type StoreApi } from "zustand/vanilla";
import type { Board } from "@whiteboard/shared";
import { describeError } from "../api/api-error";
import type { BoardsFetch } from "./boards-api";

export interface GalleryState {
  /** Newest `updatedAt` first, as the server sends them. */
  boards: readonly Board[];
  /** The list's ETag, sent back as `If-None-Match` so an unchanged list costs a 304. */
  etag: string | null;
  /** False until the first list arrives: an empty list and a list not yet loaded look different. */
  loaded: boolean;
  /** Why the last background sync failed; cleared by the next one that succeeds. */
  syncError: string | null;
  /** Why the user's last create, rename, delete or copy failed. */
  actionError: string | null;
  /** When the list was last confirmed current (epoch ms), a 304 included. */
  lastSyncedAt: number | null;
}

export interface GalleryActions {
  /** One conditional fetch of the list. Never rejects: a failure lands in `syncError`. */
  sync(): Promise<void>;
  /** The server's answer to our own rename, shown before the next sync confirms it. */
  boardUpdated(board: Board): void;
  boardRemoved(id: string): void;
  setActionError(message: string | null): void;
}

export type GalleryStore = StoreApi<GalleryState & GalleryActions>;

export interface GalleryStoreDeps {
  fetchBoards: (etag: string | null) => Promise<BoardsFetch>;
  now?: () => number;
}

export function createGalleryStore({ fetchBoards, now = Date.now }: GalleryStoreDeps): GalleryStore {
  return createStore<GalleryState & GalleryActions>()((set, get) => ({
    boards: [],
    etag: null,
    loaded: false,
    syncError: null,
    actionError: null,
    lastSyncedAt: null,

    async sync() {
      try {
        const result = await fetchBoards(get().etag);
        if (result.kind === "unchanged") {
          set({ syncError: null, lastSyncedAt: now() });
        } else {
          set({ boards: result.boards, etag: result.etag, loaded: true, syncError: null, lastSyncedAt: now() });
        }
      } catch (error) {
        set({ syncError: describeError(error) });
      }
    },

    boardUpdated(board) {
      const others = get().boards.filter((b) => b.id !== board.id);
      set({ boards: byNewestEdit([board, ...others]) });
    },

    boardRemoved(id) {
      set({ boards: get().boards.filter((b) => b.id !== id) });
    },

    setActionError(message) {
      set({ actionError: message });
    },
  }));
}

/** The server's order, kept locally: ISO 8601 strings in UTC sort as their times do. */
function byNewestEdit(boards: Board[]): Board[] {
  return boards.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

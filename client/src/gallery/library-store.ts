import { createStore, type StoreApi } from "zustand/vanilla";
import type { Library, LibraryEntry } from "@whiteboard/shared";
import { describeError } from "../api/api-error";
import type { LibraryFetch } from "../api/library-api";

export interface LibraryState {
  /** As the server sends them: the personal library first, boards newest `updatedAt` first. */
  libraries: readonly Library[];
  /** The list's ETag, sent back as `If-None-Match` so an unchanged list costs a 304. */
  etag: string | null;
  /** False until the first list arrives: no boards and not loaded yet look different. */
  loaded: boolean;
  /** Why the last background sync failed; cleared by the next one that succeeds. */
  syncError: string | null;
  /** Why the user's last action failed. */
  actionError: string | null;
  /** What the user's last action did, where the list alone would not say (a join, a new invite). */
  notice: string | null;
  /** When the list was last confirmed current (epoch ms), a 304 included. */
  lastSyncedAt: number | null;
}

/**
 * The local edits below show the server's answer to the user's own action before the next
 * sync confirms it (each action also asks for that sync at once); the sync's answer wins.
 */
export interface LibraryChanges {
  /** One conditional fetch of the list. Never rejects: a failure lands in `syncError`. */
  sync(): Promise<void>;
  /** A board renamed here, in every library that holds it. */
  boardRenamed(viewId: string, name: string, updatedAt: string): void;
  /** A board deleted here leaves every library's list (and lands in their trash on the next sync). */
  boardTrashed(viewId: string): void;
  boardRestored(viewId: string): void;
  entryRemoved(libraryId: string, viewId: string): void;
  libraryLeft(libraryId: string): void;
  inviteRotated(libraryId: string, invite: string): void;
  setActionError(message: string | null): void;
  setNotice(message: string | null): void;
}

export type LibraryStore = StoreApi<LibraryState & LibraryChanges>;

export interface LibraryStoreDeps {
  fetchLibrary: (etag: string | null) => Promise<LibraryFetch>;
  now?: () => number;
}

export function createLibraryStore({ fetchLibrary, now = Date.now }: LibraryStoreDeps): LibraryStore {
  return createStore<LibraryState & LibraryChanges>()((set, get) => {
    const mapLibraries = (change: (library: Library) => Library) => set({ libraries: get().libraries.map(change) });

    return {
      libraries: [],
      etag: null,
      loaded: false,
      syncError: null,
      actionError: null,
      notice: null,
      lastSyncedAt: null,

      async sync() {
        try {
          const result = await fetchLibrary(get().etag);
          if (result.kind === "unchanged") {
            set({ syncError: null, lastSyncedAt: now() });
          } else {
            set({ libraries: result.libraries, etag: result.etag, loaded: true, syncError: null, lastSyncedAt: now() });
          }
        } catch (error) {
          set({ syncError: describeError(error) });
        }
      },

      boardRenamed(viewId, name, updatedAt) {
        mapLibraries((library) =>
          library.boards.some((entry) => entry.viewId === viewId)
            ? {
                ...library,
                boards: byNewestEdit(library.boards.map((entry) => (entry.viewId === viewId ? { ...entry, name, updatedAt } : entry))),
              }
            : library,
        );
      },

      boardTrashed(viewId) {
        mapLibraries((library) => ({ ...library, boards: library.boards.filter((entry) => entry.viewId !== viewId) }));
      },

      boardRestored(viewId) {
        mapLibraries((library) => ({ ...library, trash: library.trash.filter((entry) => entry.viewId !== viewId) }));
      },

      entryRemoved(libraryId, viewId) {
        mapLibraries((library) =>
          library.id === libraryId ? { ...library, boards: library.boards.filter((entry) => entry.viewId !== viewId) } : library,
        );
      },

      libraryLeft(libraryId) {
        set({ libraries: get().libraries.filter((library) => library.id !== libraryId) });
      },

      inviteRotated(libraryId, invite) {
        mapLibraries((library) => (library.id === libraryId ? { ...library, invite } : library));
      },

      setActionError(message) {
        set({ actionError: message });
      },

      setNotice(message) {
        set({ notice: message });
      },
    };
  });
}

/** The server's order, kept locally: ISO 8601 strings in UTC sort as their times do. */
function byNewestEdit(entries: LibraryEntry[]): LibraryEntry[] {
  return entries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

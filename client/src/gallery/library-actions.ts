import { type Board, type CreatedLibrary, type EditEntry, type Library, type LibraryEntry, TRASH_RETENTION_MS, type TrashEntry } from "@whiteboard/shared";
import { ApiError, describeError } from "../api/api-error";
import type { LibraryStore } from "./library-store";
import { parsePastedLink } from "./pasted-link";

/** The API calls behind the gallery's buttons (`api/*-api.ts` in the app, stubs in tests). */
export interface LibraryMutations {
  createBoard(name?: string, libraryId?: string): Promise<Board>;
  renameBoard(id: string, name: string): Promise<Board>;
  deleteBoard(id: string): Promise<void>;
  restoreBoard(id: string): Promise<Board>;
  addToLibrary(capability: string): Promise<LibraryEntry>;
  removeFromLibrary(libraryId: string, viewId: string): Promise<void>;
  createLibrary(name: string): Promise<CreatedLibrary>;
  joinLibrary(invite: string): Promise<Library>;
  rotateInvite(libraryId: string): Promise<string>;
  leaveLibrary(libraryId: string): Promise<void>;
}

export interface LibraryActionsDeps {
  store: LibraryStore;
  api: LibraryMutations;
  /** Refetches the list at once (the poller's `pollNow`), so the user's own change shows now. */
  refresh: () => void;
}

/** SPEC's retention, in the words the page uses. */
export const TRASH_DAYS = Math.round(TRASH_RETENTION_MS / (24 * 60 * 60 * 1000));

export const NOT_A_LINK_MESSAGE =
  "That is not a board link. Paste an editor link (…/b/…), a view-only link (…/v/…), an invite link (…/join/…) or a board id.";

export const DEVICE_LINK_PASTED_MESSAGE =
  "That is a link for using your boards on another device. Open it in the address bar of the browser that should get them.";

/**
 * What the gallery's buttons do. Each resolves to whether it succeeded; a failure is shown
 * through the store's `actionError`, so none of them rejects. Every success asks for a sync at
 * once: what the server now holds may differ from what we guessed (an entry in another library,
 * a board that landed in the trash).
 */
export function createLibraryActions({ store, api, refresh }: LibraryActionsDeps) {
  const state = () => store.getState();
  const fail = (message: string) => {
    state().setNotice(null);
    state().setActionError(message);
    return false;
  };
  const succeed = (notice: string | null = null) => {
    state().setActionError(null);
    state().setNotice(notice);
    refresh();
    return true;
  };
  const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

  /** Runs `call`; a 404 either counts as done or is shown as `message` (with a sync, as the list is stale). */
  async function attempt(call: () => Promise<unknown>, gone: { done: true } | { message: string }): Promise<"ok" | "gone" | "failed"> {
    try {
      await call();
      return "ok";
    } catch (error) {
      if (isNotFound(error)) {
        if ("done" in gone) return "gone";
        refresh();
        fail(gone.message);
        return "failed";
      }
      // A 400 carries the server's validation message, naming the field.
      fail(describeError(error));
      return "failed";
    }
  }

  async function joinByInvite(invite: string): Promise<boolean> {
    let library: Library | undefined;
    const outcome = await attempt(
      async () => {
        library = await api.joinLibrary(invite);
      },
      { message: "That invite link does not work: it may have been replaced by a newer one." },
    );
    if (outcome !== "ok" || !library) return false;
    // Only library invites are joined here; device links have their own page.
    return succeed(`You joined “${library.name}”.`);
  }

  // Plain functions, no `this`: the page passes them around as callbacks.
  return {
    async createBoard(name: string, libraryId?: string): Promise<boolean> {
      const outcome = await attempt(() => api.createBoard(name, libraryId), {
        message: "That library is no longer yours: you may have left it on another tab.",
      });
      return outcome === "ok" && succeed();
    },

    async rename(entry: EditEntry, name: string): Promise<boolean> {
      let renamed: Board | undefined;
      const outcome = await attempt(
        async () => {
          renamed = await api.renameBoard(entry.id, name);
        },
        { message: `“${entry.name}” no longer opens: it was deleted, or its links were reset.` },
      );
      if (outcome !== "ok" || !renamed) return false;
      state().boardRenamed(entry.viewId, renamed.name, renamed.updatedAt);
      return succeed();
    },

    /** To the trash: it stays restorable there for the retention time. */
    async trash(entry: EditEntry): Promise<boolean> {
      // Deleted elsewhere first: what the user asked for is done.
      const outcome = await attempt(() => api.deleteBoard(entry.id), { done: true });
      if (outcome === "failed") return false;
      state().boardTrashed(entry.viewId);
      return succeed(`“${entry.name}” is in the trash. Restore it from there within ${TRASH_DAYS} days.`);
    },

    async restore(entry: TrashEntry): Promise<boolean> {
      const outcome = await attempt(() => api.restoreBoard(entry.id), {
        message: `“${entry.name}” is no longer in the trash: it was restored elsewhere, or purged.`,
      });
      if (outcome !== "ok") return false;
      state().boardRestored(entry.viewId);
      return succeed(`“${entry.name}” is back.`);
    },

    /** Out of one library's list; the board itself, and every other list holding it, stay. */
    async removeFromLibrary(library: Library, entry: LibraryEntry): Promise<boolean> {
      const outcome = await attempt(() => api.removeFromLibrary(library.id, entry.viewId), { done: true });
      if (outcome === "failed") return false;
      state().entryRemoved(library.id, entry.viewId);
      return succeed();
    },

    /** "Paste a link": a board's edit or view link saves it; an invite link joins the library. */
    async addByLink(text: string): Promise<boolean> {
      const link = parsePastedLink(text);
      if (!link) return fail(NOT_A_LINK_MESSAGE);
      if (link.kind === "device") return fail(DEVICE_LINK_PASTED_MESSAGE);
      if (link.kind === "invite") return joinByInvite(link.invite);
      let entry: LibraryEntry | undefined;
      const outcome = await attempt(
        async () => {
          entry = await api.addToLibrary(link.capability);
        },
        { message: "No board opens with that link: it may have been deleted, or its links reset." },
      );
      if (outcome !== "ok" || !entry) return false;
      const access = entry.role === "edit" ? "you can edit it" : "view only";
      return succeed(`Saved “${entry.name}” to your boards (${access}).`);
    },

    async createLibrary(name: string): Promise<boolean> {
      let created: CreatedLibrary | undefined;
      const outcome = await attempt(
        async () => {
          created = await api.createLibrary(name);
        },
        { message: "Could not create the library." },
      );
      if (outcome !== "ok" || !created) return false;
      return succeed(`Created “${created.name}”. Copy its invite link to share it; whoever opens the link joins.`);
    },

    async rotateInvite(library: Library): Promise<boolean> {
      let invite: string | undefined;
      const outcome = await attempt(
        async () => {
          invite = await api.rotateInvite(library.id);
        },
        { message: `You are no longer a member of “${library.name}”.` },
      );
      if (outcome !== "ok" || invite === undefined) return false;
      state().inviteRotated(library.id, invite);
      return succeed(`“${library.name}” has a new invite link; the old one no longer works.`);
    },

    async leave(library: Library): Promise<boolean> {
      // Already not a member (left on another tab): done.
      const outcome = await attempt(() => api.leaveLibrary(library.id), { done: true });
      if (outcome === "failed") return false;
      state().libraryLeft(library.id);
      return succeed(`You left “${library.name}”.`);
    },

    reportError(message: string | null): void {
      if (message !== null) state().setNotice(null);
      state().setActionError(message);
    },

    dismissNotice(): void {
      state().setNotice(null);
    },
  };
}

export type LibraryActions = ReturnType<typeof createLibraryActions>;

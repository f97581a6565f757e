import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/api-error";
import type { LibraryFetch } from "../api/library-api";
import { createLibraryStore } from "./library-store";
import { editEntry, library, trashEntry, viewEntry } from "./test-libraries";

const OLD = editEntry("old", "2025-01-01T00:00:00.000Z");
const NEW = viewEntry("new", "2025-01-02T00:00:00.000Z");
const PERSONAL = library("Your boards", [NEW, OLD], { personal: true });
const TEAM = library("Team", [OLD], { trash: [trashEntry("gone")] });

function storeAnswering(...answers: Array<LibraryFetch | Error>) {
  const fetchLibrary = vi.fn(async (_etag: string | null): Promise<LibraryFetch> => {
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    if (answer instanceof Error) throw answer;
    return answer;
  });
  let clock = 1000;
  const store = createLibraryStore({ fetchLibrary, now: () => clock++ });
  return { store, fetchLibrary };
}

describe("createLibraryStore", () => {
  it("starts empty and not loaded, so the page can tell loading from an empty library", () => {
    const { store } = storeAnswering();
    expect(store.getState()).toMatchObject({ libraries: [], loaded: false, etag: null, lastSyncedAt: null });
  });

  it("replaces the libraries and the ETag on a 200, and sends the ETag back on the next sync", async () => {
    const { store, fetchLibrary } = storeAnswering(
      { kind: "changed", libraries: [PERSONAL], etag: '"1"' },
      { kind: "changed", libraries: [PERSONAL, TEAM], etag: '"2"' },
    );
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ libraries: [PERSONAL], etag: '"1"', loaded: true, lastSyncedAt: 1000 });
    await store.getState().sync();
    expect(fetchLibrary).toHaveBeenLastCalledWith('"1"');
    expect(store.getState()).toMatchObject({ libraries: [PERSONAL, TEAM], etag: '"2"' });
  });

  it("keeps the libraries on a 304 and counts it as a sync", async () => {
    const { store } = storeAnswering({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"1"' }, { kind: "unchanged" });
    await store.getState().sync();
    const before = store.getState().libraries;
    await store.getState().sync();
    expect(store.getState().libraries).toBe(before);
    expect(store.getState()).toMatchObject({ etag: '"1"', lastSyncedAt: 1001, syncError: null });
  });

  it("records a failed sync in syncError without losing the libraries, and clears it on the next success", async () => {
    const { store } = storeAnswering(
      { kind: "changed", libraries: [PERSONAL], etag: '"1"' },
      new ApiError(0, "network", "Could not reach the server."),
      { kind: "unchanged" },
    );
    await store.getState().sync();
    await expect(store.getState().sync()).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({ libraries: [PERSONAL], etag: '"1"', syncError: "Could not reach the server." });
    await store.getState().sync();
    expect(store.getState().syncError).toBeNull();
  });

  it("shows a failed first sync as an error, still not loaded", async () => {
    const { store } = storeAnswering(new ApiError(503, "unavailable", "Shutting down."));
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ loaded: false, syncError: "Shutting down." });
  });

  it("renames a board in every library that holds it and moves it to its place by last edit", async () => {
    const { store } = storeAnswering({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"1"' });
    await store.getState().sync();
    store.getState().boardRenamed(OLD.viewId, "Renamed", "2025-01-03T00:00:00.000Z");
    const [personal, team] = store.getState().libraries;
    expect(personal?.boards.map((entry) => entry.name)).toEqual(["Renamed", "new"]);
    expect(team?.boards.map((entry) => entry.name)).toEqual(["Renamed"]);
  });

  it("drops a trashed board from every library, a removed entry from one only, and a left library whole", async () => {
    const { store } = storeAnswering({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"1"' });
    await store.getState().sync();
    store.getState().entryRemoved(TEAM.id, OLD.viewId);
    expect(store.getState().libraries.map((l) => l.boards.length)).toEqual([2, 0]);
    store.getState().boardTrashed(NEW.viewId);
    expect(store.getState().libraries[0]?.boards).toEqual([OLD]);
    store.getState().libraryLeft(TEAM.id);
    expect(store.getState().libraries.map((l) => l.id)).toEqual([PERSONAL.id]);
  });

  it("takes a restored board out of the trash and keeps a rotated invite", async () => {
    const { store } = storeAnswering({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"1"' });
    await store.getState().sync();
    store.getState().boardRestored(trashEntry("gone").viewId);
    store.getState().inviteRotated(TEAM.id, "N".repeat(22));
    expect(store.getState().libraries[1]).toMatchObject({ trash: [], invite: "N".repeat(22) });
  });
});

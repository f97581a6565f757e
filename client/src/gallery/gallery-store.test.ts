import { describe, expect, it, vi } from "vitest";
import type { Board } from "@whiteboard/shared";
import { ApiError } from "../api/api-error";
import type { BoardsFetch } from "./boards-api";
import { createGalleryStore } from "./gallery-store";

function board(id: string, updatedAt: string, name = id): Board {
  return { id, viewId: `v-${id}`, name, createdAt: updatedAt, updatedAt, elementCount: 0, editors: 0, viewers: 0 };
}

const OLD = board("old", "2025-01-01T00:00:00.000Z");
const NEW = board("new", "2025-01-02T00:00:00.000Z");

function storeAnswering(...answers: Array<BoardsFetch | Error>) {
  const fetchBoards = vi.fn(async (_etag: string | null): Promise<BoardsFetch> => {
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    if (answer instanceof Error) throw answer;
    return answer;
  });
  let clock = 1000;
  const store = createGalleryStore({ fetchBoards, now: () => clock++ });
  return { store, fetchBoards };
}

describe("createGalleryStore", () => {
  it("starts empty and not loaded, so the page can tell loading from no boards", () => {
    const { store } = storeAnswering();
    expect(store.getState()).toMatchObject({ boards: [], loaded: false, etag: null, lastSyncedAt: null });
  });

  it("stores the list and its ETag, and sends the ETag back on the next sync", async () => {
    const { store, fetchBoards } = storeAnswering(
      { kind: "changed", boards: [NEW, OLD], etag: '"1"' },
      { kind: "unchanged" },
    );
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ boards: [NEW, OLD], etag: '"1"', loaded: true, lastSyncedAt: 1000 });
    await store.getState().sync();
    expect(fetchBoards).toHaveBeenLastCalledWith('"1"');
    expect(store.getState()).toMatchObject({ boards: [NEW, OLD], etag: '"1"', lastSyncedAt: 1001 });
  });

  it("records a failed sync without losing the list, and clears it on the next success", async () => {
    const { store } = storeAnswering(
      { kind: "changed", boards: [OLD], etag: '"1"' },
      new ApiError(0, "network", "Could not reach the server."),
      { kind: "unchanged" },
    );
    await store.getState().sync();
    await expect(store.getState().sync()).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({ boards: [OLD], etag: '"1"', syncError: "Could not reach the server." });
    await store.getState().sync();
    expect(store.getState().syncError).toBeNull();
  });

  it("moves a board renamed here to its place by last edit, and drops one deleted here", async () => {
    const { store } = storeAnswering({ kind: "changed", boards: [NEW, OLD], etag: '"1"' });
    await store.getState().sync();
    const renamed = board("old", "2025-01-03T00:00:00.000Z", "Renamed");
    store.getState().boardUpdated(renamed);
    expect(store.getState().boards).toEqual([renamed, NEW]);
    store.getState().boardRemoved("new");
    expect(store.getState().boards).toEqual([renamed]);
  });
});

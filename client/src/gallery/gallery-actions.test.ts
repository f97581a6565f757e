import { describe, expect, it, vi } from "vitest";
import { type Board, errorBody } from "@whiteboard/shared";
import { ApiError } from "../api/api-error";
import { type BoardMutations, createGalleryActions } from "./gallery-actions";
import { createGalleryStore } from "./gallery-store";

const BOARD: Board = {
  id: "a",
  viewId: "va",
  name: "Retro",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  elementCount: 0,
  editors: 0,
  viewers: 0,
};

async function setup(api: Partial<BoardMutations>) {
  const store = createGalleryStore({
    fetchBoards: async () => ({ kind: "changed", boards: [BOARD], etag: '"1"' }),
  });
  await store.getState().sync();
  const refresh = vi.fn();
  const fullApi: BoardMutations = {
    createBoard: vi.fn(async () => BOARD),
    renameBoard: vi.fn(async () => BOARD),
    deleteBoard: vi.fn(async () => {}),
    ...api,
  };
  return { store, refresh, actions: createGalleryActions({ store, api: fullApi, refresh }) };
}

const badName = new ApiError(400, "bad_request", "name: must not be empty");
const gone = new ApiError(404, "not_found", errorBody("not_found").error.message);

describe("gallery actions", () => {
  it("refreshes the list at once after creating a board", async () => {
    const { actions, refresh } = await setup({});
    expect(await actions.create("New")).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("shows the server's message and does not refresh when creating fails", async () => {
    const { actions, refresh, store } = await setup({ createBoard: vi.fn(async () => Promise.reject(badName)) });
    expect(await actions.create("  ")).toBe(false);
    expect(store.getState().actionError).toBe("name: must not be empty");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("shows the renamed board at once, refreshes, and clears an earlier error", async () => {
    const renamed = { ...BOARD, name: "Sprint", updatedAt: "2025-01-02T00:00:00.000Z" };
    const { actions, refresh, store } = await setup({ renameBoard: vi.fn(async () => renamed) });
    store.getState().setActionError("old failure");
    expect(await actions.rename(BOARD, "Sprint")).toBe(true);
    expect(store.getState().boards).toEqual([renamed]);
    expect(store.getState().actionError).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("keeps the board and shows the validation message when a rename is rejected", async () => {
    const { actions, store } = await setup({ renameBoard: vi.fn(async () => Promise.reject(badName)) });
    expect(await actions.rename(BOARD, " ")).toBe(false);
    expect(store.getState().boards).toEqual([BOARD]);
    expect(store.getState().actionError).toBe("name: must not be empty");
  });

  it("drops a board someone else deleted when renaming it finds it gone", async () => {
    const { actions, store, refresh } = await setup({ renameBoard: vi.fn(async () => Promise.reject(gone)) });
    expect(await actions.rename(BOARD, "x")).toBe(false);
    expect(store.getState().boards).toEqual([]);
    expect(store.getState().actionError).toMatch(/no longer exists/);
    expect(refresh).toHaveBeenCalled();
  });

  it("removes a deleted board at once and refreshes", async () => {
    const { actions, store, refresh } = await setup({});
    expect(await actions.remove(BOARD)).toBe(true);
    expect(store.getState().boards).toEqual([]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("treats deleting a board that is already gone as done", async () => {
    const { actions, store } = await setup({ deleteBoard: vi.fn(async () => Promise.reject(gone)) });
    expect(await actions.remove(BOARD)).toBe(true);
    expect(store.getState()).toMatchObject({ boards: [], actionError: null });
  });

  it("keeps the board and shows why when a delete fails otherwise", async () => {
    const offline = new ApiError(0, "network", "Could not reach the server.");
    const { actions, store, refresh } = await setup({ deleteBoard: vi.fn(async () => Promise.reject(offline)) });
    expect(await actions.remove(BOARD)).toBe(false);
    expect(store.getState()).toMatchObject({ boards: [BOARD], actionError: "Could not reach the server." });
    expect(refresh).not.toHaveBeenCalled();
  });
});

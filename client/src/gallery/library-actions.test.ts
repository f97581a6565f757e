import { describe, expect, it, vi } from "vitest";
import { type Board, errorBody } from "@whiteboard/shared";
import { ApiError } from "../api/api-error";
import { DEVICE_LINK_PASTED_MESSAGE, type LibraryMutations, NOT_A_LINK_MESSAGE, createLibraryActions } from "./library-actions";
import { createLibraryStore } from "./library-store";
import { editEntry, library, trashEntry, viewEntry } from "./test-libraries";

const ENTRY = editEntry("a");
const VIEWED = viewEntry("b");
const GONE = trashEntry("c");
const PERSONAL = library("Your boards", [ENTRY, VIEWED], { personal: true });
const TEAM = library("Team", [ENTRY], { trash: [GONE] });
const BOARD: Board = {
  id: ENTRY.id,
  viewId: ENTRY.viewId,
  name: ENTRY.name,
  createdAt: ENTRY.updatedAt,
  updatedAt: ENTRY.updatedAt,
  elementCount: 0,
  editors: 0,
  viewers: 0,
};

async function setup(api: Partial<LibraryMutations> = {}) {
  const store = createLibraryStore({
    fetchLibrary: async () => ({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"1"' }),
  });
  await store.getState().sync();
  const refresh = vi.fn();
  const fullApi: LibraryMutations = {
    createBoard: vi.fn(async () => BOARD),
    renameBoard: vi.fn(async () => BOARD),
    deleteBoard: vi.fn(async () => {}),
    restoreBoard: vi.fn(async () => BOARD),
    addToLibrary: vi.fn(async () => VIEWED),
    removeFromLibrary: vi.fn(async () => {}),
    createLibrary: vi.fn(async () => ({ id: TEAM.id, name: "Team", invite: "i".repeat(22) })),
    joinLibrary: vi.fn(async () => TEAM),
    rotateInvite: vi.fn(async () => "N".repeat(22)),
    leaveLibrary: vi.fn(async () => {}),
    ...api,
  };
  return { store, refresh, api: fullApi, actions: createLibraryActions({ store, api: fullApi, refresh }) };
}

const rejecting = (error: Error) => vi.fn(async () => Promise.reject(error));
const badName = new ApiError(400, "bad_request", "name: must not be empty");
const gone = new ApiError(404, "not_found", errorBody("not_found").error.message);
const offline = new ApiError(0, "network", "Could not reach the server.");

describe("library actions", () => {
  it("polls at once after each action that succeeds", async () => {
    const { actions, refresh } = await setup();
    const done = [
      await actions.createBoard("New"),
      await actions.rename(ENTRY, "Renamed"),
      await actions.trash(ENTRY),
      await actions.restore(GONE),
      await actions.removeFromLibrary(TEAM, ENTRY),
      await actions.rotateInvite(TEAM),
      await actions.leave(TEAM),
      await actions.createLibrary("Team"),
      await actions.addByLink(`https://wb.example/v/${VIEWED.viewId}`),
    ];
    expect(done.every(Boolean)).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(done.length);
  });

  it("creates a board in the library it is asked for", async () => {
    const { actions, api } = await setup();
    await actions.createBoard("Plan", TEAM.id);
    expect(api.createBoard).toHaveBeenCalledWith("Plan", TEAM.id);
  });

  it("shows the server's message and does not poll when creating fails", async () => {
    const { actions, refresh, store } = await setup({ createBoard: rejecting(badName) });
    expect(await actions.createBoard("  ")).toBe(false);
    expect(store.getState().actionError).toBe("name: must not be empty");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("shows a rename in every library at once and clears an earlier error", async () => {
    const renamed = { ...BOARD, name: "Sprint", updatedAt: "2025-01-02T00:00:00.000Z" };
    const { actions, store } = await setup({ renameBoard: vi.fn(async () => renamed) });
    store.getState().setActionError("old failure");
    expect(await actions.rename(ENTRY, "Sprint")).toBe(true);
    expect(store.getState().libraries.map((l) => l.boards[0]?.name)).toEqual(["Sprint", "Sprint"]);
    expect(store.getState().actionError).toBeNull();
  });

  it("keeps the name and shows the validation message when a rename is rejected", async () => {
    const { actions, store } = await setup({ renameBoard: rejecting(badName) });
    expect(await actions.rename(ENTRY, " ")).toBe(false);
    expect(store.getState().libraries[0]?.boards[0]?.name).toBe(ENTRY.name);
    expect(store.getState().actionError).toBe("name: must not be empty");
  });

  it("says so and polls when a renamed board turns out to be gone", async () => {
    const { actions, store, refresh } = await setup({ renameBoard: rejecting(gone) });
    expect(await actions.rename(ENTRY, "x")).toBe(false);
    expect(store.getState().actionError).toMatch(/no longer opens/);
    expect(refresh).toHaveBeenCalled();
  });

  it("takes a deleted board out of every library, says it is in the trash, and treats already gone as done", async () => {
    const { actions, store } = await setup({ deleteBoard: rejecting(gone) });
    expect(await actions.trash(ENTRY)).toBe(true);
    expect(store.getState().libraries.map((l) => l.boards.map((e) => e.viewId))).toEqual([[VIEWED.viewId], []]);
    expect(store.getState()).toMatchObject({ actionError: null, notice: expect.stringMatching(/trash/) });
  });

  it("keeps the board and shows why when a delete fails otherwise", async () => {
    const { actions, store, refresh } = await setup({ deleteBoard: rejecting(offline) });
    expect(await actions.trash(ENTRY)).toBe(false);
    expect(store.getState().libraries[0]?.boards).toHaveLength(2);
    expect(store.getState().actionError).toBe("Could not reach the server.");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("restores from the trash by the edit id, and explains a board purged meanwhile", async () => {
    const { actions, api, store } = await setup();
    expect(await actions.restore(GONE)).toBe(true);
    expect(api.restoreBoard).toHaveBeenCalledWith(GONE.id);
    expect(store.getState().libraries[1]?.trash).toEqual([]);
    const purged = await setup({ restoreBoard: rejecting(gone) });
    expect(await purged.actions.restore(GONE)).toBe(false);
    expect(purged.store.getState().actionError).toMatch(/no longer in the trash/);
  });

  it("removes an entry from one library only", async () => {
    const { actions, api, store } = await setup();
    expect(await actions.removeFromLibrary(TEAM, ENTRY)).toBe(true);
    expect(api.removeFromLibrary).toHaveBeenCalledWith(TEAM.id, ENTRY.viewId);
    expect(store.getState().libraries.map((l) => l.boards.length)).toEqual([2, 0]);
  });

  it("saves a pasted board link by its capability and names what was saved", async () => {
    const { actions, api, store } = await setup();
    expect(await actions.addByLink(`  https://wb.example/b/${ENTRY.id} `)).toBe(true);
    expect(api.addToLibrary).toHaveBeenCalledWith(ENTRY.id);
    expect(store.getState().notice).toMatch(/Saved “b”.*view only/);
  });

  it("joins the library of a pasted invite link", async () => {
    const { actions, api, store } = await setup();
    expect(await actions.addByLink(`https://wb.example/join/${"i".repeat(22)}`)).toBe(true);
    expect(api.joinLibrary).toHaveBeenCalledWith("i".repeat(22));
    expect(store.getState().notice).toBe("You joined “Team”.");
  });

  it("refuses a pasted device link without redeeming it: that takes the device page's confirmation", async () => {
    const { actions, api, store, refresh } = await setup();
    expect(await actions.addByLink(`https://wb.example/device/${"d".repeat(22)}`)).toBe(false);
    expect(store.getState().actionError).toBe(DEVICE_LINK_PASTED_MESSAGE);
    expect(api.joinLibrary).not.toHaveBeenCalled();
    expect(api.addToLibrary).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("refuses a pasted text that is no link without asking the server", async () => {
    const { actions, api, store, refresh } = await setup();
    expect(await actions.addByLink("not a link")).toBe(false);
    expect(store.getState().actionError).toBe(NOT_A_LINK_MESSAGE);
    expect(api.addToLibrary).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("explains a pasted link that opens no board", async () => {
    const { actions, store } = await setup({ addToLibrary: rejecting(gone) });
    expect(await actions.addByLink(ENTRY.id)).toBe(false);
    expect(store.getState().actionError).toMatch(/No board opens with that link/);
  });

  it("keeps a rotated invite at once, so the next copy hands out the new link", async () => {
    const { actions, store } = await setup();
    await actions.rotateInvite(TEAM);
    expect(store.getState().libraries[1]?.invite).toBe("N".repeat(22));
  });

  it("drops a library on leaving it, also when it was left elsewhere first", async () => {
    const { actions, store } = await setup({ leaveLibrary: rejecting(gone) });
    expect(await actions.leave(TEAM)).toBe(true);
    expect(store.getState().libraries.map((l) => l.id)).toEqual([PERSONAL.id]);
  });

  it("clears the last notice when an action fails, so the page never shows both", async () => {
    const { actions, store } = await setup({ leaveLibrary: rejecting(offline) });
    await actions.rotateInvite(TEAM);
    expect(await actions.leave(TEAM)).toBe(false);
    expect(store.getState()).toMatchObject({ notice: null, actionError: "Could not reach the server." });
  });
});

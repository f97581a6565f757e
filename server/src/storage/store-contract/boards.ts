import { describe, expect, it } from "vitest";
import { isWellFormedId } from "@whiteboard/shared";
import { newBoard, newMember, steppingClock, versionOf } from "../../test/store.js";
import type { StoreBackend } from "./index.js";

export function boardsContract(name: string, backend: StoreBackend): void {
  const open = async (now?: () => Date) => (await backend.place()).open(now);

  describe(`${name} store: boards`, () => {
    it("creates boards with two distinct, unguessable, URL-safe ids and an internal key that is neither", async () => {
      const store = await open();
      const a = await newBoard(store, "A");
      const b = await newBoard(store, "B");
      for (const id of [a.id, a.viewId, b.id, b.viewId]) expect(isWellFormedId(id)).toBe(true);
      expect(new Set([a.id, a.viewId, b.id, b.viewId, a.key, b.key]).size).toBe(6);
      expect(isWellFormedId(a.key)).toBe(false);
      await store.close();
    });

    it("keeps boards across closing and reopening the store", async () => {
      const place = await backend.place();
      const first = await place.open();
      const created = await newBoard(first, "Kept");
      const renamed = await first.renameBoard(created.key, "Kept and renamed");
      await first.close();

      const second = await place.open();
      expect(await second.getBoard(created.id)).toEqual(renamed);
      expect(await second.getBoardByViewId(created.viewId)).toEqual(renamed);
      await second.close();
    });

    it("lists live boards newest updatedAt first, leaving out the trash", async () => {
      const store = await open(steppingClock());
      const older = await newBoard(store, "older");
      const newer = await newBoard(store, "newer");
      const trashed = await newBoard(store, "trashed");
      await store.trashBoard(trashed.key);
      expect((await store.listBoards()).map((b) => b.name)).toEqual(["newer", "older"]);
      await store.renameBoard(older.key, "older, renamed later");
      expect((await store.listBoards()).map((b) => b.id)).toEqual([older.id, newer.id]);
      await store.close();
    });

    it("bumps the version of the libraries holding a board on rename, edit and trash, and on nothing else", async () => {
      const store = await open();
      const board = await newBoard(store, "x");
      const { key: member, personalLibraryId: library } = board.member;
      const v1 = await versionOf(store, member, library);

      await store.listBoards();
      await store.getBoard(board.id);
      await store.entries(member);
      expect(await versionOf(store, member, library)).toBe(v1);

      await store.renameBoard(board.key, "y");
      const v2 = await versionOf(store, member, library);
      expect(v2).toBeGreaterThan(v1);
      await store.appendUpdates(board.key, [new Uint8Array([1])], 1);
      const v3 = await versionOf(store, member, library);
      expect(v3).toBeGreaterThan(v2);

      expect(await store.renameBoard("nokey", "nobody")).toBeUndefined();
      expect(await store.trashBoard("nokey")).toBe(false);
      expect(await versionOf(store, member, library)).toBe(v3);

      expect(await store.trashBoard(board.key)).toBe(true);
      expect(await versionOf(store, member, library)).toBeGreaterThan(v3);
      await store.close();
    });

    it("bumps every library holding a board when it is edited, not only its creator's", async () => {
      const store = await open();
      const board = await newBoard(store, "shared");
      const other = await newMember(store);
      await store.addEntry(other.personalLibraryId, board.key, "view");
      const before = await versionOf(store, other.key, other.personalLibraryId);
      await store.appendUpdates(board.key, [new Uint8Array([1])], 1);
      expect(await versionOf(store, other.key, other.personalLibraryId)).toBeGreaterThan(before);
      await store.close();
    });

    it("hides a trashed board from its ids, restores it with the same ids, and purges it only after the cutoff", async () => {
      let now = Date.parse("2026-03-01T12:00:00Z");
      const store = await open(() => new Date(now));
      const board = await newBoard(store, "bin");
      await store.appendUpdates(board.key, [new Uint8Array([7])], 1);
      await store.trashBoard(board.key);
      expect(await store.getBoard(board.id)).toBeUndefined();
      expect(await store.getBoardByViewId(board.viewId)).toBeUndefined();
      expect((await store.findBoardIncludingTrash(board.id))?.deletedAt).toBe("2026-03-01T12:00:00.000Z");
      expect(await store.trashBoard(board.key)).toBe(false);

      const restored = await store.restoreBoard(board.key);
      expect(restored).toMatchObject({ id: board.id, viewId: board.viewId, deletedAt: undefined });
      expect(await store.restoreBoard(board.key)).toBeUndefined();
      expect((await store.loadDoc(board.key))!.updates).toEqual([new Uint8Array([7])]);

      await store.trashBoard(board.key);
      expect(await store.purgeTrash(new Date(now - 1))).toBe(0);
      now += 1000;
      expect(await store.purgeTrash(new Date(now))).toBe(1);
      expect(await store.findBoardIncludingTrash(board.id)).toBeUndefined();
      expect(await store.loadDoc(board.key)).toBeUndefined();
      expect(await store.entries(board.member.key)).toEqual([]);
      await store.close();
    });

    it("resets a board's links, keeping its document and the caller's entries, dropping everyone else's", async () => {
      const store = await open();
      const board = await newBoard(store, "reset me");
      const other = await newMember(store);
      await store.addEntry(other.personalLibraryId, board.key, "view");
      await store.appendUpdates(board.key, [new Uint8Array([5])], 1);
      const otherVersion = await versionOf(store, other.key, other.personalLibraryId);

      const reset = (await store.resetLinks(board.key, board.member))!;
      expect(reset.key).toBe(board.key);
      expect(reset.id).not.toBe(board.id);
      expect(reset.viewId).not.toBe(board.viewId);
      expect(await store.getBoard(board.id)).toBeUndefined();
      expect(await store.getBoardByViewId(board.viewId)).toBeUndefined();
      expect((await store.getBoard(reset.id))?.key).toBe(board.key);
      expect((await store.loadDoc(board.key))!.updates).toEqual([new Uint8Array([5])]);
      expect((await store.entries(board.member.key)).map((e) => e.board.id)).toEqual([reset.id]);
      expect(await store.entries(other.key)).toEqual([]);
      // The library that lost the board sees its list change.
      expect(await versionOf(store, other.key, other.personalLibraryId)).toBeGreaterThan(otherVersion);
      expect(await store.resetLinks("nokey", board.member)).toBeUndefined();
      await store.close();
    });

    it("keeps a board for a caller who resets its links without having it in any library", async () => {
      const store = await open();
      const board = await newBoard(store, "orphaned otherwise");
      const stranger = await newMember(store);
      const reset = (await store.resetLinks(board.key, stranger))!;
      expect((await store.entries(stranger.key)).map((e) => [e.board.id, e.role])).toEqual([[reset.id, "edit"]]);
      expect(await store.entries(board.member.key)).toEqual([]);
      await store.close();
    });

    it("leaves nothing half-written when a write fails part-way", async () => {
      const place = await backend.place();
      const store = await place.open();
      const existing = await newBoard(store, "existing");
      const member = existing.member;
      const before = await store.entries(member.key);
      const versionBefore = await versionOf(store, member.key, member.personalLibraryId);

      // The library-version bump of each write fails, as a full disk or a constraint would.
      const undo = await place.failLibraryBumps();
      await expect(store.createBoard("half", member.personalLibraryId)).rejects.toThrow(/disk full/);
      await expect(store.renameBoard(existing.key, "half")).rejects.toThrow(/disk full/);
      await expect(store.trashBoard(existing.key)).rejects.toThrow(/disk full/);
      await expect(store.resetLinks(existing.key, member)).rejects.toThrow(/disk full/);
      await expect(store.appendUpdates(existing.key, [new Uint8Array([1])], 1)).rejects.toThrow(/disk full/);

      await undo();
      expect(await store.entries(member.key)).toEqual(before);
      expect(await store.listBoards()).toEqual([before[0]!.board]);
      expect((await store.loadDoc(existing.key))!.updates).toEqual([]);
      expect(await versionOf(store, member.key, member.personalLibraryId)).toBe(versionBefore);
      // And the store writes again once the cause is gone.
      expect(await store.appendUpdates(existing.key, [new Uint8Array([1])], 1)).toBeGreaterThan(0);
      await store.close();
    });
  });
}

import { describe, expect, it } from "vitest";
import { newBoard, newMember, steppingClock, versionOf } from "../../test/store.js";
import type { StoreBackend } from "./index.js";

export function librariesContract(name: string, backend: StoreBackend): void {
  const open = async (now?: () => Date) => (await backend.place()).open(now);

  describe(`${name} store: libraries`, () => {
    it("starts a new database with no shared library at all", async () => {
      const store = await open();
      expect(await store.sharedLibraries()).toEqual([]);
      await store.close();
    });

    it("lists a member's personal library first, then shared ones by name", async () => {
      const store = await open();
      const member = await newMember(store);
      const zoo = await store.createLibrary(member.key, "Zoo");
      const alpha = await store.createLibrary(member.key, "Alpha");
      const order = (await store.memberships(member.key)).map((m) => m.libraryId);
      expect(order).toEqual([member.personalLibraryId, alpha.libraryId, zoo.libraryId]);
      expect(zoo).toMatchObject({ name: "Zoo", personal: false, version: 0, invite: expect.any(String) });
      await store.close();
    });

    it("lets a member join by the current invite only: a rotated invite stops working", async () => {
      const store = await open();
      const owner = await newMember(store);
      const guest = await newMember(store);
      const late = await newMember(store);
      const team = await store.createLibrary(owner.key, "Team");
      expect(await store.joinByInvite(guest.key, team.invite!)).toMatchObject({ libraryId: team.libraryId, name: "Team" });
      // Joining again is harmless.
      expect(await store.joinByInvite(guest.key, team.invite!)).toMatchObject({ libraryId: team.libraryId });
      const versionBefore = await versionOf(store, owner.key, team.libraryId);
      const rotated = await store.rotateInvite(team.libraryId);
      expect(rotated).not.toBe(team.invite);
      expect(await versionOf(store, owner.key, team.libraryId)).toBeGreaterThan(versionBefore);
      expect(await store.joinByInvite(late.key, team.invite!)).toBeUndefined();
      expect(await store.joinByInvite(late.key, "no-such-invite")).toBeUndefined();
      expect(await store.joinByInvite(late.key, rotated)).toMatchObject({ libraryId: team.libraryId, invite: rotated });
      await store.close();
    });

    it("adds a board's entry, upgrading view to edit and never downgrading, bumping the version only on a change", async () => {
      const store = await open();
      const board = await newBoard(store, "entry");
      const member = await newMember(store);
      const library = member.personalLibraryId;
      const v0 = await versionOf(store, member.key, library);
      expect(await store.addEntry(library, board.key, "view")).toBe("view");
      const v1 = await versionOf(store, member.key, library);
      expect(v1).toBeGreaterThan(v0);
      expect(await store.addEntry(library, board.key, "view")).toBe("view");
      expect(await versionOf(store, member.key, library)).toBe(v1);
      expect(await store.addEntry(library, board.key, "edit")).toBe("edit");
      const v2 = await versionOf(store, member.key, library);
      expect(v2).toBeGreaterThan(v1);
      expect(await store.addEntry(library, board.key, "view")).toBe("edit");
      expect(await versionOf(store, member.key, library)).toBe(v2);
      expect((await store.entries(member.key)).map((e) => e.role)).toEqual(["edit"]);
      await store.close();
    });

    it("removes an entry by the board's view id, bumping the version only when there was one", async () => {
      const store = await open();
      const board = await newBoard(store, "remove me");
      const library = board.member.personalLibraryId;
      const v0 = await versionOf(store, board.member.key, library);
      expect(await store.removeEntry(library, board.id)).toBe(false);
      expect(await versionOf(store, board.member.key, library)).toBe(v0);
      expect(await store.removeEntry(library, board.viewId)).toBe(true);
      expect(await versionOf(store, board.member.key, library)).toBeGreaterThan(v0);
      expect(await store.entries(board.member.key)).toEqual([]);
      expect(await store.removeEntry(library, board.viewId)).toBe(false);
      // The board itself stays.
      expect((await store.getBoard(board.id))?.key).toBe(board.key);
      await store.close();
    });

    it("lets a member leave a shared library but never their personal one", async () => {
      const store = await open();
      const member = await newMember(store);
      const team = await store.createLibrary(member.key, "Team");
      expect(await store.leaveLibrary(member.key, member.personalLibraryId)).toBe(false);
      expect(await store.leaveLibrary(member.key, team.libraryId)).toBe(true);
      expect(await store.leaveLibrary(member.key, team.libraryId)).toBe(false);
      expect(await store.membership(member.key, team.libraryId)).toBeUndefined();
      expect((await store.memberships(member.key)).map((m) => m.libraryId)).toEqual([member.personalLibraryId]);
      await store.close();
    });

    it("lists every entry of every library of a member, trashed boards included, newest edit first", async () => {
      const store = await open(steppingClock());
      const member = await newMember(store);
      const team = await store.createLibrary(member.key, "Team");
      const mine = await store.createBoard("mine", member.personalLibraryId);
      await store.createBoard("shared", team.libraryId);
      const trashed = await store.createBoard("trashed", member.personalLibraryId);
      await store.trashBoard(trashed.key);
      await store.appendUpdates(mine.key, [new Uint8Array([1])], 1);
      const entries = await store.entries(member.key);
      expect(entries.map((e) => [e.board.name, e.libraryId, e.role])).toEqual([
        ["mine", member.personalLibraryId, "edit"],
        ["trashed", member.personalLibraryId, "edit"],
        ["shared", team.libraryId, "edit"],
      ]);
      expect(entries[1]!.board.deletedAt).toEqual(expect.any(String));
      await store.close();
    });

    it("names the libraries holding a board, and every shared library with its invite and board count", async () => {
      const store = await open(steppingClock());
      const member = await newMember(store);
      const first = await store.createLibrary(member.key, "First");
      const second = await store.createLibrary(member.key, "Second");
      const board = await store.createBoard("in two", first.libraryId);
      await store.addEntry(member.personalLibraryId, board.key, "view");
      expect((await store.librariesOfBoard(board.key)).sort()).toEqual([first.libraryId, member.personalLibraryId].sort());
      expect(await store.sharedLibraries()).toEqual([
        { id: first.libraryId, name: "First", invite: first.invite, boards: 1 },
        { id: second.libraryId, name: "Second", invite: second.invite, boards: 0 },
      ]);
      await store.close();
    });
  });
}

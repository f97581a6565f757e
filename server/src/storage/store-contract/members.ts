import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PERSONAL_LIBRARY_NAME } from "@whiteboard/shared";
import { newBoard, newMember } from "../../test/store.js";
import type { StoreBackend } from "./index.js";

export function membersContract(name: string, backend: StoreBackend): void {
  const open = async () => (await backend.place()).open();

  describe(`${name} store: members`, () => {
    it("finds a member by the hash of any of their secrets, and by nothing else", async () => {
      const store = await open();
      const [first, second, unknown] = [randomBytes(32), randomBytes(32), randomBytes(32)];
      const member = await store.createMember(first);
      await store.addSecret(member.key, second);
      expect(await store.memberBySecret(first)).toEqual(member);
      expect(await store.memberBySecret(second)).toEqual(member);
      expect(await store.memberBySecret(unknown)).toBeUndefined();
      await store.close();
    });

    it("gives a new member an empty personal library of their own", async () => {
      const store = await open();
      const a = await newMember(store);
      const b = await newMember(store);
      expect(a.personalLibraryId).not.toBe(b.personalLibraryId);
      expect(await store.memberships(a.key)).toEqual([
        { libraryId: a.personalLibraryId, name: PERSONAL_LIBRARY_NAME, personal: true, invite: undefined, version: 0 },
      ]);
      expect(await store.entries(a.key)).toEqual([]);
      await store.close();
    });

    it("redeems a device link once, for the member it was made for, and never after it expired", async () => {
      const store = await open();
      const member = await newMember(store);
      const now = new Date("2026-05-01T10:00:00Z");
      const [fresh, stale] = [randomBytes(32), randomBytes(32)];
      await store.createDeviceLink(member.key, fresh, new Date(now.getTime() + 60_000));
      await store.createDeviceLink(member.key, stale, new Date(now.getTime() - 1));
      expect(await store.redeemDeviceLink(stale, now)).toBeUndefined();
      expect(await store.redeemDeviceLink(fresh, now)).toEqual(member);
      expect(await store.redeemDeviceLink(fresh, now)).toBeUndefined();
      await store.close();
    });

    it("merges one member into another, losing no entry, library, secret or device link (edit wins over view)", async () => {
      const store = await open();
      const fromSecret = randomBytes(32);
      const from = await store.createMember(fromSecret);
      const into = await newMember(store);
      const onlyFrom = await newBoard(store, "only from");
      const both = await newBoard(store, "both");
      const viewedByInto = await newBoard(store, "view");
      await store.addEntry(from.personalLibraryId, onlyFrom.key, "view");
      await store.addEntry(from.personalLibraryId, both.key, "edit");
      await store.addEntry(into.personalLibraryId, both.key, "view");
      await store.addEntry(from.personalLibraryId, viewedByInto.key, "view");
      await store.addEntry(into.personalLibraryId, viewedByInto.key, "edit");
      const team = await store.createLibrary(from.key, "Team");
      const link = randomBytes(32);
      await store.createDeviceLink(from.key, link, new Date(Date.now() + 60_000));
      const versionBefore = (await store.membership(into.key, into.personalLibraryId))!.version;

      await store.mergeMember(from, into);
      const roles = Object.fromEntries(
        (await store.entries(into.key)).filter((e) => e.libraryId === into.personalLibraryId).map((e) => [e.board.name, e.role]),
      );
      expect(roles).toEqual({ "only from": "view", both: "edit", view: "edit" });
      expect(await store.membership(into.key, team.libraryId)).toMatchObject({ name: "Team", personal: false });
      expect(await store.memberBySecret(fromSecret)).toEqual(into);
      expect(await store.redeemDeviceLink(link, new Date())).toEqual(into);
      expect((await store.membership(into.key, into.personalLibraryId))!.version).toBeGreaterThan(versionBefore);
      expect(await store.memberships(from.key)).toEqual([]);
      // Merging a member into itself changes nothing.
      await store.mergeMember(into, into);
      expect(await store.memberBySecret(fromSecret)).toEqual(into);
      await store.close();
    });
  });
}

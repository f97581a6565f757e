import { randomBytes } from "node:crypto";
import type { BoardRecord, MemberRecord, Store } from "../storage/store.js";

/** A member with a random secret: the store never sees the secret itself. */
export function newMember(store: Store): Promise<MemberRecord> {
  return store.createMember(randomBytes(32));
}

/** A board in a fresh member's personal library, for tests below the HTTP layer. */
export async function newBoard(store: Store, name = "test board"): Promise<BoardRecord & { member: MemberRecord }> {
  const member = await newMember(store);
  return { ...(await store.createBoard(name, member.personalLibraryId)), member };
}

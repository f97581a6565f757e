import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import type { BoardRecord, MemberRecord, Store, StoredDoc } from "../storage/store.js";

/** A member with a random secret: the store never sees the secret itself. */
export function newMember(store: Store): Promise<MemberRecord> {
  return store.createMember(randomBytes(32));
}

/** A board in a fresh member's personal library, for tests below the HTTP layer. */
export async function newBoard(store: Store, name = "test board"): Promise<BoardRecord & { member: MemberRecord }> {
  const member = await newMember(store);
  return { ...(await store.createBoard(name, member.personalLibraryId)), member };
}

/** The version of one of a member's libraries, which their ETag is built from. */
export async function versionOf(store: Store, memberKey: string, libraryId: string): Promise<number> {
  return (await store.membership(memberKey, libraryId))!.version;
}

/** A real Yjs update adding one element, as an editor would send. */
export function elementUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("elements").set(id, new Y.Map([["type", "rect"]]));
  return Y.encodeStateAsUpdate(doc);
}

/** A clock that moves one second per reading, so every write gets a distinct, ordered time. */
export function steppingClock(start = Date.parse("2026-01-01T00:00:00Z")): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** The document a board's stored rows make: its snapshot, then its log, applied in order. */
export function rebuiltDoc(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * The storage seam: SQLite (`sqlite/`, embedded, one process) and PostgreSQL (`postgres/`,
 * shared by every instance), held to one contract (`store-contract/`). Async, so a networked
 * database sits behind it without changing a caller.
 *
 * Boards are keyed internally by `key`, which no client ever sees or sends. The capabilities
 * (`id` to edit, `viewId` to watch) are columns that can be replaced (reset links) without
 * touching the board's document, its log or its library entries.
 */
import type { Role } from "@whiteboard/shared";

/** A board as stored: SPEC's board without the live counts, which belong to the rooms. */
export interface BoardRecord {
  /** Internal and stable; never sent to a client, never accepted from one. */
  key: string;
  id: string;
  viewId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  elementCount: number;
  /** Set while the board is in the trash. */
  deletedAt: string | undefined;
}

/** A board's document as stored: the last snapshot, then the updates logged since. */
export interface StoredDoc {
  snapshot: Uint8Array | undefined;
  updates: Uint8Array[];
  /** The sequence number of the last update, for compaction; 0 when the log is empty. */
  lastSeq: number;
}

export interface CompactResult {
  /** The thread that folded: never the event loop's. */
  threadId: number;
  snapshotBytes: number;
  foldedRows: number;
  foldedBytes: number;
  /**
   * Set when another instance was folding this board at that moment (PostgreSQL): nothing was
   * folded here (`foldedRows` 0, `snapshotBytes` the stored snapshot's size); the rows stay for
   * that fold or the next one. A caller treats it as a fold that found nothing to do.
   */
  foldingElsewhere?: true;
}

export interface BoardStore {
  /** Creates a board as an `edit` entry of `libraryId`, in one transaction. */
  createBoard(name: string, libraryId: string): Promise<BoardRecord>;
  /** A live board (not in the trash) by its edit capability. */
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /** A live board by its view capability. */
  getBoardByViewId(viewId: string): Promise<BoardRecord | undefined>;
  /** Any board by its edit capability, in the trash or not: only restore looks there. */
  findBoardIncludingTrash(id: string): Promise<BoardRecord | undefined>;
  /** Every live board, newest `updatedAt` first (operators only). */
  listBoards(): Promise<BoardRecord[]>;
  /** Undefined when no such live board. */
  renameBoard(key: string, name: string): Promise<BoardRecord | undefined>;
  /** Moves a live board to the trash; false when there was none. */
  trashBoard(key: string): Promise<boolean>;
  /** Takes a board out of the trash; undefined when it was not there. */
  restoreBoard(key: string): Promise<BoardRecord | undefined>;
  /**
   * New `id` and `viewId`. Library entries are removed everywhere except in the libraries the
   * caller belongs to, which keep the board under its new ids; the caller's personal library
   * gets an edit entry if it had none. One transaction.
   */
  resetLinks(key: string, caller: MemberRecord): Promise<BoardRecord | undefined>;
  /** Deletes for good the boards trashed before `cutoff`; resolves with how many. */
  purgeTrash(cutoff: Date): Promise<number>;
}

/** A board read and merged off the event loop: one update holding the whole document. */
export interface OpenedDoc {
  state: Uint8Array;
  lastSeq: number;
  /** The log since the snapshot, which the next fold covers. */
  loggedUpdates: number;
  loggedBytes: number;
  snapshotBytes: number;
}

/** Some stored bytes of a board are not a Yjs update: the board cannot be opened as it is. */
export class StoredDocDamaged extends Error {
  override readonly name = "StoredDocDamaged";

  constructor(readonly part: string) {
    super(`${part} is not a Yjs update`);
  }
}

export interface DocStore {
  /** The stored rows as they are (tests, inspection). Undefined when no such board. */
  loadDoc(boardKey: string): Promise<StoredDoc | undefined>;
  /**
   * Reads the board and merges snapshot and log into one update, off the event loop (in the
   * store's worker thread, on its own connection). Undefined when no such board; rejects with
   * `StoredDocDamaged` when stored bytes are not a Yjs update.
   */
  openDoc(boardKey: string): Promise<OpenedDoc | undefined>;
  /**
   * Appends accepted updates to the board's log and records the edit (`updatedAt`,
   * `elementCount`, the versions of the libraries that show it) in one transaction: all of it
   * or none. Resolves with the last sequence number written. Sequence numbers only grow within
   * a board (SQLite: one sequence for all boards; PostgreSQL: per board, with no gaps). Rejects
   * when there is no such board, or the write failed (a full disk): nothing of it is stored.
   */
  appendUpdates(boardKey: string, updates: Uint8Array[], elementCount: number): Promise<number>;
  /**
   * Folds the logged updates with sequence <= `throughSeq` into the snapshot, off the event loop
   * (in the store's worker thread, on its own connection), and drops those rows in the same
   * transaction as the new snapshot is written. Rows logged meanwhile stay. Resolves with what
   * it folded and the new snapshot's size; see `foldingElsewhere` for a fold that yielded to
   * another instance's.
   */
  compactDoc(boardKey: string, throughSeq: number): Promise<CompactResult>;
}

/** A member: a browser (or several, after "use on another device"), known by a hashed secret. */
export interface MemberRecord {
  key: string;
  personalLibraryId: string;
}

export interface MemberStore {
  /** The member whose secret hashes to `secretHash`. */
  memberBySecret(secretHash: Buffer): Promise<MemberRecord | undefined>;
  /** A new member with an empty personal library. */
  createMember(secretHash: Buffer): Promise<MemberRecord>;
  /** Another browser's secret for an existing member (a redeemed device link). */
  addSecret(memberKey: string, secretHash: Buffer): Promise<void>;
  /**
   * `from` becomes `into`, losing nothing: its personal entries join `into`'s personal library
   * (an edit entry wins over a view one), its shared libraries become `into`'s, and its secrets
   * now name `into`. Then `from` is gone.
   */
  mergeMember(from: MemberRecord, into: MemberRecord): Promise<void>;
  /** Records a one-time device link (its token's hash) valid until `expiresAt`. */
  createDeviceLink(memberKey: string, tokenHash: Buffer, expiresAt: Date): Promise<void>;
  /** Uses up a device link: the member it was made for, if it exists and has not expired. */
  redeemDeviceLink(tokenHash: Buffer, now: Date): Promise<MemberRecord | undefined>;
}

/** A library this member belongs to, with the version its ETag is derived from. */
export interface MembershipRecord {
  libraryId: string;
  name: string;
  personal: boolean;
  /** Shared libraries only. */
  invite: string | undefined;
  /** Bumped in the same transaction as anything a member of it would see change. */
  version: number;
}

/** One row of a member's libraries: a board as that library holds it. */
export interface EntryRecord {
  libraryId: string;
  role: Role;
  board: BoardRecord;
}

export interface LibraryStore {
  /** The member's libraries, personal first, then shared ones by name. */
  memberships(memberKey: string): Promise<MembershipRecord[]>;
  /** Every entry of every library of this member, trashed boards included, newest edit first. */
  entries(memberKey: string): Promise<EntryRecord[]>;
  /** The member's library `libraryId`, if they belong to it. */
  membership(memberKey: string, libraryId: string): Promise<MembershipRecord | undefined>;
  /** Adds (or upgrades to `edit`; never downgrades) a board's entry in a library. */
  addEntry(libraryId: string, boardKey: string, role: Role): Promise<Role>;
  /** Removes the entry of the board whose `viewId` is given; false when there was none. */
  removeEntry(libraryId: string, viewId: string): Promise<boolean>;
  createLibrary(memberKey: string, name: string): Promise<MembershipRecord>;
  /** Joins the library whose current invite this is; undefined for an unknown or rotated one. */
  joinByInvite(memberKey: string, invite: string): Promise<MembershipRecord | undefined>;
  /** A new invite for a shared library; the old one stops working. */
  rotateInvite(libraryId: string): Promise<string>;
  /** Leaves a shared library; false when not a member (or it is personal). */
  leaveLibrary(memberKey: string, libraryId: string): Promise<boolean>;
  /** The libraries holding a board, so live-count changes reach their members' ETags. */
  librariesOfBoard(boardKey: string): Promise<string[]>;
  /** Every shared library with its invite, for operators (the upgrade's "Existing boards"). */
  sharedLibraries(): Promise<Array<{ id: string; name: string; invite: string; boards: number }>>;
}

export interface Store extends BoardStore, DocStore, MemberStore, LibraryStore {
  close(): Promise<void>;
}

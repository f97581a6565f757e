import type { Database } from "better-sqlite3";
import type { Role } from "@whiteboard/shared";
import type { EntryRecord, LibraryStore, MembershipRecord } from "../store.js";
import { newId } from "../ids.js";
import { type BoardRow, toBoardRecord } from "./boards.js";
import { PREFIXED_BOARD_COLUMNS } from "../board-row.js";

interface MembershipRow {
  id: string;
  name: string;
  personal: number;
  invite: string | null;
  version: number;
}

const toMembership = (row: MembershipRow): MembershipRecord => ({
  libraryId: row.id,
  name: row.name,
  personal: row.personal === 1,
  invite: row.invite ?? undefined,
  version: row.version,
});

const MEMBERSHIP_COLUMNS = "l.id, l.name, l.personal, l.invite, l.version";

/** Libraries: who belongs to which, and which boards each holds with what role. */
export function sqliteLibraries(db: Database, now: () => Date): LibraryStore {
  const s = {
    memberships: db.prepare<[string], MembershipRow>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM library_members m JOIN libraries l ON l.id = m.library_id
        WHERE m.member_key = ? ORDER BY l.personal DESC, l.name, l.id`,
    ),
    membership: db.prepare<[string, string], MembershipRow>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM library_members m JOIN libraries l ON l.id = m.library_id
        WHERE m.member_key = ? AND m.library_id = ?`,
    ),
    entries: db.prepare<[string], BoardRow & { library_id: string; role: Role }>(
      `SELECT e.library_id, e.role, ${PREFIXED_BOARD_COLUMNS}
         FROM library_members m
         JOIN library_entries e ON e.library_id = m.library_id
         JOIN boards b ON b.key = e.board_key
        WHERE m.member_key = ?
        ORDER BY b.updated_at DESC, b.key`,
    ),
    entryRole: db.prepare<[string, string], { role: Role }>(`SELECT role FROM library_entries WHERE library_id = ? AND board_key = ?`),
    insertEntry: db.prepare<[string, string, Role]>(
      `INSERT INTO library_entries (library_id, board_key, role) VALUES (?, ?, ?)
       ON CONFLICT (library_id, board_key) DO UPDATE SET role = excluded.role`,
    ),
    removeEntry: db.prepare<[string, string]>(
      `DELETE FROM library_entries WHERE library_id = ? AND board_key = (SELECT key FROM boards WHERE view_id = ?)`,
    ),
    bump: db.prepare<[string]>(`UPDATE libraries SET version = version + 1 WHERE id = ?`),
    insertLibrary: db.prepare<[string, string, string, string]>(
      `INSERT INTO libraries (id, name, personal, invite, version, created_at) VALUES (?, ?, 0, ?, 0, ?)`,
    ),
    join: db.prepare<[string, string]>(
      `INSERT INTO library_members (member_key, library_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    ),
    byInvite: db.prepare<[string], { id: string }>(`SELECT id FROM libraries WHERE invite = ? AND personal = 0`),
    setInvite: db.prepare<[string, string]>(`UPDATE libraries SET invite = ?, version = version + 1 WHERE id = ? AND personal = 0`),
    leave: db.prepare<[string, string]>(
      `DELETE FROM library_members WHERE member_key = ? AND library_id = ?
          AND library_id IN (SELECT id FROM libraries WHERE personal = 0)`,
    ),
    ofBoard: db.prepare<[string], { library_id: string }>(`SELECT library_id FROM library_entries WHERE board_key = ?`),
    shared: db.prepare<[], { id: string; name: string; invite: string; boards: number }>(
      `SELECT l.id, l.name, l.invite, (SELECT count(*) FROM library_entries e WHERE e.library_id = l.id) AS boards
         FROM libraries l WHERE l.personal = 0 ORDER BY l.created_at, l.id`,
    ),
  };

  const addEntry = db.transaction((libraryId: string, boardKey: string, role: Role): Role => {
    const existing = s.entryRole.get(libraryId, boardKey)?.role;
    // A view id never downgrades an edit entry; an edit id upgrades a view entry.
    if (existing === "edit" || existing === role) return existing;
    s.insertEntry.run(libraryId, boardKey, role);
    s.bump.run(libraryId);
    return role;
  });

  const removeEntry = db.transaction((libraryId: string, viewId: string): boolean => {
    if (s.removeEntry.run(libraryId, viewId).changes === 0) return false;
    s.bump.run(libraryId);
    return true;
  });

  const create = db.transaction((memberKey: string, name: string): MembershipRecord => {
    const id = newId();
    const invite = newId();
    s.insertLibrary.run(id, name, invite, now().toISOString());
    s.join.run(memberKey, id);
    return { libraryId: id, name, personal: false, invite, version: 0 };
  });

  const join = db.transaction((memberKey: string, invite: string): MembershipRecord | undefined => {
    const library = s.byInvite.get(invite);
    if (!library) return undefined;
    s.join.run(memberKey, library.id);
    const row = s.membership.get(memberKey, library.id);
    return row && toMembership(row);
  });

  return {
    async memberships(memberKey) {
      return s.memberships.all(memberKey).map(toMembership);
    },
    async entries(memberKey): Promise<EntryRecord[]> {
      return s.entries.all(memberKey).map((row) => ({ libraryId: row.library_id, role: row.role, board: toBoardRecord(row) }));
    },
    async membership(memberKey, libraryId) {
      const row = s.membership.get(memberKey, libraryId);
      return row && toMembership(row);
    },
    async addEntry(libraryId, boardKey, role) {
      return addEntry(libraryId, boardKey, role);
    },
    async removeEntry(libraryId, viewId) {
      return removeEntry(libraryId, viewId);
    },
    async createLibrary(memberKey, name) {
      return create(memberKey, name);
    },
    async joinByInvite(memberKey, invite) {
      return join(memberKey, invite);
    },
    async rotateInvite(libraryId) {
      const invite = newId();
      s.setInvite.run(invite, libraryId);
      return invite;
    },
    async leaveLibrary(memberKey, libraryId) {
      return s.leave.run(memberKey, libraryId).changes > 0;
    },
    async librariesOfBoard(boardKey) {
      return s.ofBoard.all(boardKey).map((row) => row.library_id);
    },
    async sharedLibraries() {
      return s.shared.all();
    },
  };
}

import type { Pool } from "pg";
import type { Role } from "@whiteboard/shared";
import type { EntryRecord, LibraryStore, MembershipRecord } from "../store.js";
import { newId } from "../ids.js";
import { type BoardRow, toBoardRecord } from "./boards.js";
import { PREFIXED_BOARD_COLUMNS } from "../board-row.js";
import { inTransaction, type Sql } from "./sql.js";

interface MembershipRow {
  id: string;
  name: string;
  personal: boolean;
  invite: string | null;
  version: string;
}

const toMembership = (row: MembershipRow): MembershipRecord => ({
  libraryId: row.id,
  name: row.name,
  personal: row.personal,
  invite: row.invite ?? undefined,
  // bigint arrives as text; a version stays far below 2^53.
  version: Number(row.version),
});

const MEMBERSHIP_COLUMNS = "l.id, l.name, l.personal, l.invite, l.version";

async function membershipOf(sql: Sql, memberKey: string, libraryId: string): Promise<MembershipRecord | undefined> {
  const { rows } = await sql.query<MembershipRow>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM library_members m JOIN libraries l ON l.id = m.library_id
      WHERE m.member_key = $1 AND m.library_id = $2`,
    [memberKey, libraryId],
  );
  return rows[0] && toMembership(rows[0]);
}

const bump = (sql: Sql, libraryId: string) => sql.query(`UPDATE libraries SET version = version + 1 WHERE id = $1`, [libraryId]);

/** Libraries: who belongs to which, and which boards each holds with what role. */
export function postgresLibraries(pool: Pool, now: () => Date): LibraryStore {
  return {
    async memberships(memberKey) {
      // Names by code point, as SQLite orders them, whatever the database's collation.
      const { rows } = await pool.query<MembershipRow>(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM library_members m JOIN libraries l ON l.id = m.library_id
          WHERE m.member_key = $1 ORDER BY l.personal DESC, l.name COLLATE "C", l.id`,
        [memberKey],
      );
      return rows.map(toMembership);
    },
    async entries(memberKey): Promise<EntryRecord[]> {
      const { rows } = await pool.query<BoardRow & { library_id: string; role: Role }>(
        `SELECT e.library_id, e.role, ${PREFIXED_BOARD_COLUMNS}
           FROM library_members m
           JOIN library_entries e ON e.library_id = m.library_id
           JOIN boards b ON b.key = e.board_key
          WHERE m.member_key = $1
          ORDER BY b.updated_at DESC, b.key`,
        [memberKey],
      );
      return rows.map((row) => ({ libraryId: row.library_id, role: row.role, board: toBoardRecord(row) }));
    },
    membership(memberKey, libraryId) {
      return membershipOf(pool, memberKey, libraryId);
    },
    addEntry(libraryId, boardKey, role) {
      return inTransaction(pool, async (sql) => {
        // A view id never downgrades an edit entry; an edit id upgrades a view entry. Decided by
        // the upsert itself, so two instances adding the same board at once cannot downgrade it.
        const { rows: changed } = await sql.query<{ role: Role }>(
          `INSERT INTO library_entries (library_id, board_key, role) VALUES ($1, $2, $3)
           ON CONFLICT (library_id, board_key) DO UPDATE SET role = 'edit'
             WHERE excluded.role = 'edit' AND library_entries.role <> 'edit'
           RETURNING role`,
          [libraryId, boardKey, role],
        );
        if (changed[0]) {
          await bump(sql, libraryId);
          return changed[0].role;
        }
        const { rows } = await sql.query<{ role: Role }>(`SELECT role FROM library_entries WHERE library_id = $1 AND board_key = $2`, [
          libraryId,
          boardKey,
        ]);
        return rows[0]!.role;
      });
    },
    removeEntry(libraryId, viewId) {
      return inTransaction(pool, async (sql) => {
        const { rowCount } = await sql.query(
          `DELETE FROM library_entries WHERE library_id = $1 AND board_key = (SELECT key FROM boards WHERE view_id = $2)`,
          [libraryId, viewId],
        );
        if (!rowCount) return false;
        await bump(sql, libraryId);
        return true;
      });
    },
    createLibrary(memberKey, name) {
      return inTransaction(pool, async (sql) => {
        const id = newId();
        const invite = newId();
        await sql.query(`INSERT INTO libraries (id, name, personal, invite, version, created_at) VALUES ($1, $2, false, $3, 0, $4)`, [
          id,
          name,
          invite,
          now(),
        ]);
        await sql.query(`INSERT INTO library_members (member_key, library_id) VALUES ($1, $2)`, [memberKey, id]);
        return { libraryId: id, name, personal: false, invite, version: 0 };
      });
    },
    joinByInvite(memberKey, invite) {
      return inTransaction(pool, async (sql) => {
        const { rows } = await sql.query<{ id: string }>(`SELECT id FROM libraries WHERE invite = $1 AND NOT personal`, [invite]);
        if (!rows[0]) return undefined;
        await sql.query(`INSERT INTO library_members (member_key, library_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          memberKey,
          rows[0].id,
        ]);
        return membershipOf(sql, memberKey, rows[0].id);
      });
    },
    async rotateInvite(libraryId) {
      const invite = newId();
      await pool.query(`UPDATE libraries SET invite = $1, version = version + 1 WHERE id = $2 AND NOT personal`, [invite, libraryId]);
      return invite;
    },
    async leaveLibrary(memberKey, libraryId) {
      const { rowCount } = await pool.query(
        `DELETE FROM library_members WHERE member_key = $1 AND library_id = $2
            AND library_id IN (SELECT id FROM libraries WHERE NOT personal)`,
        [memberKey, libraryId],
      );
      return (rowCount ?? 0) > 0;
    },
    async librariesOfBoard(boardKey) {
      const { rows } = await pool.query<{ library_id: string }>(`SELECT library_id FROM library_entries WHERE board_key = $1`, [boardKey]);
      return rows.map((row) => row.library_id);
    },
    async sharedLibraries() {
      const { rows } = await pool.query<{ id: string; name: string; invite: string; boards: string }>(
        `SELECT l.id, l.name, l.invite, (SELECT count(*) FROM library_entries e WHERE e.library_id = l.id) AS boards
           FROM libraries l WHERE NOT l.personal ORDER BY l.created_at, l.id`,
      );
      return rows.map((row) => ({ ...row, boards: Number(row.boards) }));
    },
  };
}

import type { Pool } from "pg";
import { PERSONAL_LIBRARY_NAME } from "@whiteboard/shared";
import type { MemberRecord, MemberStore } from "../store.js";
import { newId, newKey } from "../ids.js";
import { inTransaction } from "./sql.js";

interface MemberRow {
  key: string;
  personal_library_id: string;
}

const toMember = (row: MemberRow): MemberRecord => ({ key: row.key, personalLibraryId: row.personal_library_id });

/**
 * Members are browsers, known only by the SHA-256 of their cookie's secret: a stolen database
 * yields no cookie that works. A member may have several secrets, one per device.
 */
export function postgresMembers(pool: Pool, now: () => Date): MemberStore {
  return {
    async memberBySecret(secretHash) {
      const { rows } = await pool.query<MemberRow>(
        `SELECT m.key, m.personal_library_id FROM member_secrets s JOIN members m ON m.key = s.member_key WHERE s.hash = $1`,
        [secretHash],
      );
      return rows[0] && toMember(rows[0]);
    },
    createMember(secretHash) {
      return inTransaction(pool, async (sql) => {
        const key = newKey();
        const libraryId = newId();
        const at = now();
        await sql.query(`INSERT INTO libraries (id, name, personal, invite, version, created_at) VALUES ($1, $2, true, NULL, 0, $3)`, [
          libraryId,
          PERSONAL_LIBRARY_NAME,
          at,
        ]);
        await sql.query(`INSERT INTO members (key, personal_library_id, created_at) VALUES ($1, $2, $3)`, [key, libraryId, at]);
        await sql.query(`INSERT INTO library_members (member_key, library_id) VALUES ($1, $2)`, [key, libraryId]);
        await sql.query(`INSERT INTO member_secrets (hash, member_key) VALUES ($1, $2)`, [secretHash, key]);
        return { key, personalLibraryId: libraryId };
      });
    },
    async addSecret(memberKey, secretHash) {
      await pool.query(`INSERT INTO member_secrets (hash, member_key) VALUES ($1, $2)`, [secretHash, memberKey]);
    },
    async mergeMember(from, into) {
      if (from.key === into.key) return;
      await inTransaction(pool, async (sql) => {
        await sql.query(
          `INSERT INTO library_entries (library_id, board_key, role)
             SELECT $1, board_key, role FROM library_entries WHERE library_id = $2
           ON CONFLICT (library_id, board_key) DO UPDATE
             SET role = CASE WHEN excluded.role = 'edit' THEN 'edit' ELSE library_entries.role END`,
          [into.personalLibraryId, from.personalLibraryId],
        );
        await sql.query(
          `INSERT INTO library_members (member_key, library_id)
             SELECT $1, m.library_id FROM library_members m JOIN libraries l ON l.id = m.library_id
              WHERE m.member_key = $2 AND NOT l.personal
           ON CONFLICT DO NOTHING`,
          [into.key, from.key],
        );
        await sql.query(`UPDATE member_secrets SET member_key = $1 WHERE member_key = $2`, [into.key, from.key]);
        await sql.query(`UPDATE device_links SET member_key = $1 WHERE member_key = $2`, [into.key, from.key]);
        // The member row goes first: it references its personal library.
        await sql.query(`DELETE FROM members WHERE key = $1`, [from.key]);
        await sql.query(`DELETE FROM libraries WHERE id = $1`, [from.personalLibraryId]);
        await sql.query(`UPDATE libraries SET version = version + 1 WHERE id = $1`, [into.personalLibraryId]);
      });
    },
    async createDeviceLink(memberKey, tokenHash, expiresAt) {
      await pool.query(`INSERT INTO device_links (hash, member_key, expires_at) VALUES ($1, $2, $3)`, [tokenHash, memberKey, expiresAt]);
    },
    redeemDeviceLink(tokenHash, at) {
      return inTransaction(pool, async (sql) => {
        await sql.query(`DELETE FROM device_links WHERE expires_at <= $1`, [at]);
        const { rows: taken } = await sql.query<{ member_key: string }>(`DELETE FROM device_links WHERE hash = $1 RETURNING member_key`, [
          tokenHash,
        ]);
        if (!taken[0]) return undefined;
        const { rows } = await sql.query<MemberRow>(`SELECT key, personal_library_id FROM members WHERE key = $1`, [taken[0].member_key]);
        return rows[0] && toMember(rows[0]);
      });
    },
  };
}

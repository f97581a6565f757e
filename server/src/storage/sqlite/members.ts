import type { Database } from "better-sqlite3";
import { PERSONAL_LIBRARY_NAME } from "@whiteboard/shared";
import type { MemberRecord, MemberStore } from "../store.js";
import { newId, newKey } from "../ids.js";

interface MemberRow {
  key: string;
  personal_library_id: string;
}

const toMember = (row: MemberRow): MemberRecord => ({ key: row.key, personalLibraryId: row.personal_library_id });

/**
 * Members are browsers, known only by the SHA-256 of their cookie's secret: a stolen database
 * yields no cookie that works. A member may have several secrets, one per device.
 */
export function sqliteMembers(db: Database, now: () => Date): MemberStore {
  const s = {
    bySecret: db.prepare<[Buffer], MemberRow>(
      `SELECT m.key, m.personal_library_id FROM member_secrets s JOIN members m ON m.key = s.member_key WHERE s.hash = ?`,
    ),
    byKey: db.prepare<[string], MemberRow>(`SELECT key, personal_library_id FROM members WHERE key = ?`),
    insertLibrary: db.prepare<[string, string, string]>(
      `INSERT INTO libraries (id, name, personal, invite, version, created_at) VALUES (?, ?, 1, NULL, 0, ?)`,
    ),
    insertMember: db.prepare<[string, string, string]>(`INSERT INTO members (key, personal_library_id, created_at) VALUES (?, ?, ?)`),
    insertMembership: db.prepare<[string, string]>(`INSERT INTO library_members (member_key, library_id) VALUES (?, ?)`),
    insertSecret: db.prepare<[Buffer, string]>(`INSERT INTO member_secrets (hash, member_key) VALUES (?, ?)`),
    insertLink: db.prepare<[Buffer, string, string]>(`INSERT INTO device_links (hash, member_key, expires_at) VALUES (?, ?, ?)`),
    takeLink: db.prepare<[Buffer], { member_key: string; expires_at: string }>(
      `DELETE FROM device_links WHERE hash = ? RETURNING member_key, expires_at`,
    ),
    dropExpiredLinks: db.prepare<[string]>(`DELETE FROM device_links WHERE expires_at <= ?`),
    moveEntries: db.prepare<[string, string]>(
      `INSERT INTO library_entries (library_id, board_key, role)
         SELECT ?, board_key, role FROM library_entries WHERE library_id = ?
       ON CONFLICT (library_id, board_key) DO UPDATE
         SET role = CASE WHEN excluded.role = 'edit' THEN 'edit' ELSE library_entries.role END`,
    ),
    moveMemberships: db.prepare<[string, string]>(
      `INSERT INTO library_members (member_key, library_id)
         SELECT ?, m.library_id FROM library_members m JOIN libraries l ON l.id = m.library_id
          WHERE m.member_key = ? AND l.personal = 0
       ON CONFLICT DO NOTHING`,
    ),
    moveSecrets: db.prepare<[string, string]>(`UPDATE member_secrets SET member_key = ? WHERE member_key = ?`),
    moveLinks: db.prepare<[string, string]>(`UPDATE device_links SET member_key = ? WHERE member_key = ?`),
    dropMember: db.prepare<[string]>(`DELETE FROM members WHERE key = ?`),
    dropLibrary: db.prepare<[string]>(`DELETE FROM libraries WHERE id = ?`),
    bumpLibrary: db.prepare<[string]>(`UPDATE libraries SET version = version + 1 WHERE id = ?`),
  };

  const create = db.transaction((secretHash: Buffer): MemberRecord => {
    const key = newKey();
    const libraryId = newId();
    const at = now().toISOString();
    s.insertLibrary.run(libraryId, PERSONAL_LIBRARY_NAME, at);
    s.insertMember.run(key, libraryId, at);
    s.insertMembership.run(key, libraryId);
    s.insertSecret.run(secretHash, key);
    return { key, personalLibraryId: libraryId };
  });

  const redeem = db.transaction((tokenHash: Buffer, at: Date): MemberRecord | undefined => {
    s.dropExpiredLinks.run(at.toISOString());
    const link = s.takeLink.get(tokenHash);
    if (!link) return undefined;
    const row = s.byKey.get(link.member_key);
    return row && toMember(row);
  });

  const merge = db.transaction((from: MemberRecord, into: MemberRecord) => {
    s.moveEntries.run(into.personalLibraryId, from.personalLibraryId);
    s.moveMemberships.run(into.key, from.key);
    s.moveSecrets.run(into.key, from.key);
    s.moveLinks.run(into.key, from.key);
    // The member row goes first: it references its personal library.
    s.dropMember.run(from.key);
    s.dropLibrary.run(from.personalLibraryId);
    s.bumpLibrary.run(into.personalLibraryId);
  });

  return {
    async mergeMember(from, into) {
      if (from.key !== into.key) merge(from, into);
    },
    async memberBySecret(secretHash) {
      const row = s.bySecret.get(secretHash);
      return row && toMember(row);
    },
    async createMember(secretHash) {
      return create(secretHash);
    },
    async addSecret(memberKey, secretHash) {
      s.insertSecret.run(secretHash, memberKey);
    },
    async createDeviceLink(memberKey, tokenHash, expiresAt) {
      s.insertLink.run(tokenHash, memberKey, expiresAt.toISOString());
    },
    async redeemDeviceLink(tokenHash, at) {
      return redeem(tokenHash, at);
    },
  };
}

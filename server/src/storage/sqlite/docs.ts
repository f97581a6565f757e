import type { Database } from "better-sqlite3";
import type { DocStore, StoredDoc } from "../store.js";
import type { Compactor } from "../../compaction/compactor.js";
import { bumpLibrariesOfBoard } from "./boards.js";
import { readSnapshot } from "./snapshot-parts.js";

/** Each board's document: an append-only log of Yjs updates, folded now and then into a snapshot. */
export function sqliteDocs(db: Database, now: () => Date, compactor: Compactor): DocStore {
  const bumpLibraries = bumpLibrariesOfBoard(db);
  const s = {
    exists: db.prepare<[string], { key: string }>(`SELECT key FROM boards WHERE key = ?`),
    updates: db.prepare<[string], { seq: number; data: Buffer }>(
      `SELECT seq, data FROM board_updates WHERE board_key = ? ORDER BY seq`,
    ),
    append: db.prepare<[string, Uint8Array]>(`INSERT INTO board_updates (board_key, data) VALUES (?, ?)`),
    recordEdit: db.prepare<[string, number, string]>(`UPDATE boards SET updated_at = ?, element_count = ? WHERE key = ?`),
  };

  const load = db.transaction((key: string): StoredDoc | undefined => {
    if (!s.exists.get(key)) return undefined;
    const snapshot = readSnapshot(db, key);
    const rows = s.updates.all(key);
    return {
      snapshot: snapshot && new Uint8Array(snapshot),
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  });

  const append = db.transaction((key: string, updates: Uint8Array[], elementCount: number): number => {
    let seq = 0;
    for (const update of updates) seq = Number(s.append.run(key, update).lastInsertRowid);
    s.recordEdit.run(now().toISOString(), elementCount, key);
    bumpLibraries(key);
    return seq;
  });

  return {
    async loadDoc(key) {
      return load(key);
    },
    async appendUpdates(key, updates, elementCount) {
      return append(key, updates, elementCount);
    },
    openDoc(key) {
      return compactor.open(key);
    },
    compactDoc(key, throughSeq) {
      return compactor.compact(key, throughSeq);
    },
  };
}

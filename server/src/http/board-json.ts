import { type Board, type LibraryEntry, type Role, TRASH_RETENTION_MS, type TrashEntry } from "@whiteboard/shared";
import type { BoardRecord } from "../storage/store.js";
import type { LiveBoards } from "../rooms/live-boards.js";

/**
 * The JSON a client sees of a board, built field by field: the internal key never leaves, and a
 * view entry never gets an `id` by way of a spread.
 */
export function toBoard(record: BoardRecord, live: LiveBoards): Board {
  return {
    id: record.id,
    viewId: record.viewId,
    name: record.name,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    elementCount: record.elementCount,
    ...live.counts(record.key),
  };
}

export function toEntry(record: BoardRecord, role: Role, live: LiveBoards): LibraryEntry {
  const shared = {
    viewId: record.viewId,
    name: record.name,
    updatedAt: record.updatedAt,
    elementCount: record.elementCount,
    ...live.counts(record.key),
  };
  return role === "edit" ? { ...shared, role, id: record.id } : { ...shared, role };
}

/** Only edit entries reach the trash view: restoring takes the `id`. */
export function toTrashEntry(record: BoardRecord & { deletedAt: string }): TrashEntry {
  return {
    id: record.id,
    viewId: record.viewId,
    name: record.name,
    updatedAt: record.updatedAt,
    elementCount: record.elementCount,
    editors: 0,
    viewers: 0,
    role: "edit",
    deletedAt: record.deletedAt,
    purgeAt: new Date(Date.parse(record.deletedAt) + TRASH_RETENTION_MS).toISOString(),
  };
}

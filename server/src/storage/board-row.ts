import type { BoardRecord } from "./store.js";
import { newId, newKey } from "./ids.js";

/**
 * A board's row as both backends store it: the same columns, with times as each driver returns
 * them (SQLite: ISO text; pg: `Date`).
 */
export interface BoardRow<Time> {
  key: string;
  id: string;
  view_id: string;
  name: string;
  created_at: Time;
  updated_at: Time;
  element_count: number;
  deleted_at: Time | null;
}

export const BOARD_COLUMNS = "key, id, view_id, name, created_at, updated_at, element_count, deleted_at";

/** The board columns of a query that names the boards table `b`. */
export const PREFIXED_BOARD_COLUMNS = BOARD_COLUMNS.split(", ")
  .map((c) => `b.${c}`)
  .join(", ");

export function boardRecord<Time>(row: BoardRow<Time>, iso: (time: Time) => string): BoardRecord {
  return {
    key: row.key,
    id: row.id,
    viewId: row.view_id,
    name: row.name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    elementCount: row.element_count,
    deletedAt: row.deleted_at === null ? undefined : iso(row.deleted_at),
  };
}

/** A new board's row: fresh key and capabilities, created and updated `at`, empty, not in the trash. */
export function newBoardRow<Time>(name: string, at: Time): BoardRow<Time> {
  return { key: newKey(), id: newId(), view_id: newId(), name, created_at: at, updated_at: at, element_count: 0, deleted_at: null };
}

import type { Point } from "../canvas/viewport";
import { NAME_MAX_LENGTH } from "./identity";
import { safeColor } from "./safe-color";

/** SPEC's awareness state of an editor, as this page shows it. */
export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
  /** Board coordinates; null while their pointer is off the board. */
  cursor: Point | null;
  self: boolean;
}

/**
 * The people on the board, from awareness states anyone may have written: a state with no
 * `user.name` is not shown (a viewer or a script), odd fields are tolerated. Self first, then
 * by name, so the list does not shuffle as cursors move.
 */
export function presentUsers(states: ReadonlyMap<number, unknown>, selfId: number): PresentUser[] {
  const users: PresentUser[] = [];
  for (const [clientId, state] of states) {
    const user = field(state, "user");
    const name = field(user, "name");
    if (typeof name !== "string" || name.trim() === "") continue;
    users.push({
      clientId,
      name: name.trim().slice(0, NAME_MAX_LENGTH),
      color: safeColor(field(user, "color")),
      cursor: readCursor(field(state, "cursor")),
      self: clientId === selfId,
    });
  }
  return users.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

function readCursor(value: unknown): Point | null {
  const x = field(value, "x");
  const y = field(value, "y");
  return typeof x === "number" && typeof y === "number" && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

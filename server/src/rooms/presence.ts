import type { PresenceEditor } from "@whiteboard/shared";

const MAX_NAME_LENGTH = 64;

/**
 * Editors as viewers see them, read from awareness states written by any client: whatever is
 * missing or of the wrong type gets a neutral default rather than reaching a viewer as garbage.
 */
export function presenceEditors(states: Array<{ clientId: number; state: string }>): PresenceEditor[] {
  const editors: PresenceEditor[] = [];
  for (const { clientId, state } of states) {
    const parsed = JSON.parse(state) as { user?: { name?: unknown; color?: unknown }; cursor?: unknown } | null;
    if (!parsed) continue;
    const name = typeof parsed.user?.name === "string" ? parsed.user.name.slice(0, MAX_NAME_LENGTH) : "Anonymous";
    const color = typeof parsed.user?.color === "string" ? parsed.user.color.slice(0, 32) : "#868e96";
    editors.push({ clientId, name, color, cursor: readCursor(parsed.cursor) });
  }
  return editors.sort((a, b) => a.clientId - b.clientId);
}

function readCursor(value: unknown): { x: number; y: number } | null {
  if (typeof value !== "object" || value === null) return null;
  const { x, y } = value as { x?: unknown; y?: unknown };
  return typeof x === "number" && Number.isFinite(x) && typeof y === "number" && Number.isFinite(y) ? { x, y } : null;
}

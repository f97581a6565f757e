import { randomInt } from "node:crypto";
import type { EditorIdentity } from "./cursors/messages.js";

const COLORS = ["#e03131", "#2f9e44", "#1971c2", "#f08c00", "#9c36b5", "#0c8599", "#e8590c", "#5c940d"];

/** The bench's editors: client ids random like Yjs's own, consecutive so they never collide within a run. */
export function editorIdentities(count: number): EditorIdentity[] {
  const base = randomInt(1, 2 ** 31);
  return Array.from({ length: count }, (_, i) => ({ clientId: base + i, name: `editor ${i + 1}`, color: COLORS[i % COLORS.length]! }));
}

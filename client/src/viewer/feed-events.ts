import type { PresenceEditor, PresenceEventData } from "@whiteboard/shared";

/**
 * Reading the feed's `data:` lines. The server is ours, but a proxy, a version skew or a bug can
 * still hand the page something else: a payload that does not match the contract is `undefined`
 * here, and the feed client decides what that means, rather than a render failing on it later.
 */

/** The Yjs update of a `snapshot` or `update` event, or undefined when it is not one. */
export function readDocUpdate(data: string): Uint8Array | undefined {
  const json = parseJson(data);
  const update = field(json, "update");
  if (typeof update !== "string") return undefined;
  return decodeBase64(update);
}

/**
 * A `presence` event; editors that do not fit the contract are left out one by one, so one
 * odd awareness state does not hide everyone else's cursor.
 */
export function readPresence(data: string): PresenceEventData | undefined {
  const json = parseJson(data);
  const editors = field(json, "editors");
  const viewers = field(json, "viewers");
  if (!Array.isArray(editors) || typeof viewers !== "number" || !Number.isInteger(viewers) || viewers < 0) return undefined;
  return { editors: editors.flatMap((value) => readEditor(value) ?? []), viewers };
}

function readEditor(value: unknown): PresenceEditor | undefined {
  const clientId = field(value, "clientId");
  const name = field(value, "name");
  const color = field(value, "color");
  const cursor = field(value, "cursor");
  if (typeof clientId !== "number" || typeof name !== "string" || typeof color !== "string") return undefined;
  return { clientId, name, color, cursor: readPoint(cursor) };
}

function readPoint(value: unknown): { x: number; y: number } | null {
  const x = field(value, "x");
  const y = field(value, "y");
  return typeof x === "number" && typeof y === "number" && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

function decodeBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

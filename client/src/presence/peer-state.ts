import type { Viewport } from "../canvas/viewport";
import { NAME_MAX_LENGTH } from "./identity";
import { safeColor } from "./safe-color";

/**
 * The parts of another editor's awareness state beyond SPEC's `user` and `cursor` that this
 * client shares too: what they have selected, their laser trail, and their viewport (SPEC's
 * optional `viewport`, plus the size of their view so a follower can centre on what they see).
 * Anyone may write anything there, so every field is checked and capped.
 */
export interface PeerState {
  clientId: number;
  name: string;
  color: string;
  selection: readonly string[];
  /** Flat [x, y, ...] board points, oldest first; empty when the laser is off. */
  laser: readonly number[];
  viewport: Viewport | null;
  /** CSS pixels of their view, when they said. */
  screen: { w: number; h: number } | null;
}

/** Awareness states are capped at 8 KiB on the server; these stay well within it. */
export const MAX_SHARED_SELECTION = 200;
export const MAX_LASER_POINTS = 64;

export function readPeerState(clientId: number, state: unknown): PeerState | undefined {
  const user = field(state, "user");
  const name = field(user, "name");
  if (typeof name !== "string" || name.trim() === "") return undefined;
  return {
    clientId,
    name: name.trim().slice(0, NAME_MAX_LENGTH),
    color: safeColor(field(user, "color")),
    selection: readSelection(field(state, "selection")),
    laser: readLaser(field(state, "laser")),
    viewport: readViewport(field(state, "viewport")),
    screen: readScreen(field(state, "screen")),
  };
}

function readSelection(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_SHARED_SELECTION).filter((id): id is string => typeof id === "string" && id.length <= 64);
}

function readLaser(value: unknown): number[] {
  const points = field(value, "points");
  if (!Array.isArray(points) || points.length > MAX_LASER_POINTS * 2) return [];
  const whole = points.length - (points.length % 2);
  const flat = points.slice(0, whole);
  return flat.every(isFiniteNumber) ? (flat as number[]) : [];
}

function readViewport(value: unknown): Viewport | null {
  const x = field(value, "x");
  const y = field(value, "y");
  const zoom = field(value, "zoom");
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(zoom) || zoom <= 0) return null;
  return { x, y, zoom };
}

function readScreen(value: unknown): { w: number; h: number } | null {
  const w = field(value, "w");
  const h = field(value, "h");
  return isFiniteNumber(w) && isFiniteNumber(h) && w > 0 && h > 0 ? { w, h } : null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The viewer feed: Server-Sent Events on `/api/view/:viewId/events`. Names, payloads and pacing,
 * for the server that writes them and the viewer page that reads them.
 */

export const SSE_EVENTS = {
  /** The whole document; first, and whenever a resume cannot be served from the log. */
  snapshot: "snapshot",
  /** What changed since the previous event, batched. */
  update: "update",
  /** Who is editing and where their cursors are; how many watch. */
  presence: "presence",
  /** The board was deleted; the server ends the stream after it. */
  deleted: "deleted",
} as const;

export type SseEventName = (typeof SSE_EVENTS)[keyof typeof SSE_EVENTS];

/** `snapshot` and `update`: a Yjs update, base64. */
export interface DocEventData {
  update: string;
}

export interface PresenceEditor {
  clientId: number;
  name: string;
  color: string;
  cursor: { x: number; y: number } | null;
}

export interface PresenceEventData {
  editors: PresenceEditor[];
  viewers: number;
}

export type DeletedEventData = Record<string, never>;

/** SPEC: `update` events at most every 50 ms, each carrying everything of its window. */
export const SSE_UPDATE_BATCH_MS = 50;

/** SPEC: `presence` at most 20 per second. */
export const SSE_PRESENCE_INTERVAL_MS = 50;

/** SPEC: a comment at least every 25 s; 15 s leaves room for a slow tick. */
export const SSE_HEARTBEAT_MS = 15_000;

/** The `retry:` hint: how long a disconnected `EventSource` waits before reconnecting. */
export const SSE_RETRY_MS = 2_000;

/**
 * SPEC: a viewer page hidden this long closes its stream (at most 60 s), and resumes with its
 * last event id when shown again. A tab switched away and back within it keeps its stream.
 */
export const HIDDEN_VIEWER_RELEASE_MS = 30_000;

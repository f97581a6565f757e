/**
 * Limits and intervals of the contract. Both sides import these; neither restates them.
 */

/** The gallery's background sync. A 304 costs next to nothing, so once a minute is plenty. */
export const POLL_INTERVAL_MS = 60_000;

/** SPEC: a board name is 1..120 characters after trimming. */
export const BOARD_NAME_MAX_LENGTH = 120;
export const DEFAULT_BOARD_NAME = "Untitled board";

/** Shared libraries are named like boards. */
export const LIBRARY_NAME_MAX_LENGTH = 120;
export const PERSONAL_LIBRARY_NAME = "Your boards";
/** What the upgrade from a database without libraries calls the library its boards go into. */
export const EXISTING_BOARDS_LIBRARY_NAME = "Existing boards";

/** SPEC: a deleted board waits in its libraries' trash this long, restorable, before it is purged. */
export const TRASH_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A "use on another device" link works once, within this time: long enough to open it on a
 * phone, short enough that a link left in a chat history is worthless.
 */
export const DEVICE_LINK_TTL_MS = 15 * 60 * 1000;

/** The member cookie. HttpOnly and SameSite=Lax; Secure over HTTPS. */
export const MEMBER_COOKIE = "wb_member";

/**
 * The JSON API's bodies are a name and little else: 16 KiB is generous and keeps a hostile
 * client from making the server buffer megabytes before validation says no.
 */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** SPEC: ids carry at least 128 random bits. 16 bytes in base64url is 22 characters. */
export const ID_RANDOM_BYTES = 16;

/**
 * Ids are checked against this allow-list before any lookup: anything else (a short id, a long
 * one, `../etc`) is simply unknown, so it gets the same 404 as a well-formed id nobody issued.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value);
}

// ── Live editing (WebSocket) ────────────────────────────────────────────────────────────────

/**
 * The largest WebSocket frame an editor may send. A pasted or imported batch of a few thousand
 * strokes is a few megabytes in one Yjs update (DESIGN: 10,000 strokes of 100 points is 12 MB);
 * 8 MiB admits real pastes while bounding what one frame can make the server buffer.
 * Over it: close 1009.
 */
export const MAX_WS_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * Messages per second an editor may send, sustained, and the burst above that. A pen at 120 Hz
 * sends one update and one awareness message per animation frame (about 240/s on a 120 Hz
 * screen); a reconnect sends a few at once. Over it: close 1008.
 */
export const WS_MESSAGES_PER_SECOND = 400;
export const WS_MESSAGE_BURST = 800;

/**
 * An editor that does not read its socket must not grow the server's memory: past this many
 * bytes queued for it, it is disconnected (its provider reconnects and resyncs).
 */
export const WS_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** Keep-alive: a ping this often; no pong by the next one and the editor is dropped. */
export const WS_PING_INTERVAL_MS = 30_000;

/**
 * Awareness has no caps of its own (DESIGN): a state is a name, a colour, a cursor and perhaps a
 * viewport or selection, far below 8 KiB; and a connection owns its own client id, plus a few
 * more should its Y.Doc change client id.
 */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/**
 * Cursors are coalesced: the room sends one combined awareness message per tick, latest state
 * wins. 25 ms (40 Hz) is above the 30 Hz a cursor is sampled at and keeps added latency small.
 */
export const AWARENESS_TICK_MS = 25;

/**
 * Updates whose dependencies are missing are parked by Yjs until the gap is filled; a client
 * could park megabytes that never integrate. Past this, the room drops them and closes the sender.
 */
export const MAX_PENDING_UPDATE_BYTES = 4 * 1024 * 1024;

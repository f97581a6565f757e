/**
 * Limits and intervals of the contract. Both sides import these; neither restates them.
 */

/** The gallery's background sync. A 304 costs next to nothing, so once a minute is plenty. */
export const POLL_INTERVAL_MS = 60_000;

/** SPEC: a board name is 1..120 characters after trimming. */
export const BOARD_NAME_MAX_LENGTH = 120;
export const DEFAULT_BOARD_NAME = "Untitled board";

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

import {
  type CreatedLibrary,
  type DeviceLink,
  type Library,
  type LibraryEntry,
  createdLibrarySchema,
  deviceLinkSchema,
  inviteSchema,
  libraryEntrySchema,
  libraryListSchema,
  librarySchema,
} from "@whiteboard/shared";
import type { PollMeter } from "../channels/poll-meter";
import { jsonInit, readBody, readMeasuredBody, request } from "./request";

export type LibraryFetch =
  | { kind: "unchanged" }
  | { kind: "changed"; libraries: Library[]; etag: string | null };

/**
 * Every library of this browser's member, conditionally. `cache: "no-store"` matters: with the
 * default mode the browser would answer our own `If-None-Match` from its HTTP cache and hand us
 * a 200 it made up, so we could never tell "unchanged" apart; with it, the server's 304 reaches
 * us as is. `meter` counts the poll and the answer read, for the "How this works" panel.
 */
export async function fetchLibrary(etag: string | null, { signal, meter }: { signal?: AbortSignal; meter?: PollMeter } = {}): Promise<LibraryFetch> {
  meter?.requested();
  const response = await request("/api/library", {
    cache: "no-store",
    headers: etag ? { "If-None-Match": etag } : {},
    ...(signal ? { signal } : {}),
  });
  if (response.status === 304) {
    meter?.answered(304, 0, null);
    return { kind: "unchanged" };
  }
  const { value, bytes } = await readMeasuredBody(response, libraryListSchema);
  const newEtag = response.headers.get("ETag");
  meter?.answered(response.status, bytes, newEtag);
  return { kind: "changed", libraries: value.libraries, etag: newEtag };
}

/** Saves a board to the personal library by either of its capabilities (edit `id` or `viewId`). */
export async function addToLibrary(capability: string): Promise<LibraryEntry> {
  const response = await request(`/api/library/boards/${encodeURIComponent(capability)}`, { method: "PUT" });
  return readBody(response, libraryEntrySchema);
}

/**
 * What opening `/b/:id` or `/v/:viewId` does besides showing the board. Failing costs only the
 * shortcut in the gallery, never the board the user came for, so it fails silently.
 */
export function rememberBoard(capability: string): void {
  addToLibrary(capability).catch(() => undefined);
}

/** Takes the entry out of one library; the board itself stays. (SPEC's path: `library`, singular.) */
export async function removeFromLibrary(libraryId: string, viewId: string): Promise<void> {
  await request(`/api/library/${encodeURIComponent(libraryId)}/boards/${encodeURIComponent(viewId)}`, { method: "DELETE" });
}

export async function createLibrary(name: string): Promise<CreatedLibrary> {
  const response = await request("/api/libraries", jsonInit("POST", { name }));
  return readBody(response, createdLibrarySchema);
}

/** Joins the shared library a library invite belongs to (device links have their own call). */
export async function joinLibrary(invite: string, signal?: AbortSignal): Promise<Library> {
  const response = await request("/api/libraries/join", jsonInit("POST", { invite }, signal));
  return readBody(response, librarySchema);
}

/** A new invite for the library; the old one stops working. Bodyless: no JSON content type. */
export async function rotateInvite(libraryId: string): Promise<string> {
  const response = await request(`${libraryUrl(libraryId)}/invite`, { method: "POST" });
  return (await readBody(response, inviteSchema)).invite;
}

export async function leaveLibrary(libraryId: string): Promise<void> {
  await request(`${libraryUrl(libraryId)}/membership`, { method: "DELETE" });
}

/** A one-time link that makes another browser this member. */
export async function createDeviceLink(): Promise<DeviceLink> {
  const response = await request("/api/member/device-link", { method: "POST" });
  return readBody(response, deviceLinkSchema);
}

/**
 * Redeems a device link: the server merges this browser's member (its saved boards and shared
 * libraries) into the member who made the link, and answers that member's personal library. A
 * 404 means the token is unknown, used or expired.
 */
export async function redeemDeviceLink(token: string): Promise<Library> {
  const response = await request("/api/member/devices", jsonInit("POST", { token }));
  return readBody(response, librarySchema);
}

function libraryUrl(libraryId: string): string {
  return `/api/libraries/${encodeURIComponent(libraryId)}`;
}

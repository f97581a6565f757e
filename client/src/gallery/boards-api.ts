import { type Board, boardListSchema, boardSchema } from "@whiteboard/shared";
import { jsonInit, readBody, request } from "../api/request";

export type BoardsFetch =
  | { kind: "unchanged" }
  | { kind: "changed"; boards: Board[]; etag: string | null };

/**
 * The saved-boards list, conditionally. `cache: "no-store"` matters: with the default mode the
 * browser would answer our own `If-None-Match` from its HTTP cache and hand us a 200 it made
 * up, so we could never tell "unchanged" apart; with it, the server's 304 reaches us as is.
 */
export async function fetchBoards(etag: string | null, signal?: AbortSignal): Promise<BoardsFetch> {
  const response = await request("/api/boards", {
    cache: "no-store",
    headers: etag ? { "If-None-Match": etag } : {},
    ...(signal ? { signal } : {}),
  });
  if (response.status === 304) return { kind: "unchanged" };
  const { boards } = await readBody(response, boardListSchema);
  return { kind: "changed", boards, etag: response.headers.get("ETag") };
}

export async function fetchBoard(id: string, signal?: AbortSignal): Promise<Board> {
  const response = await request(boardUrl(id), signal ? { signal } : {});
  return readBody(response, boardSchema);
}

/** With no name (or a blank one) the server picks its default. */
export async function createBoard(name?: string): Promise<Board> {
  const trimmed = name?.trim();
  const response = await request("/api/boards", jsonInit("POST", trimmed ? { name: trimmed } : {}));
  return readBody(response, boardSchema);
}

/** The name goes as typed: the server trims and validates it, and its message names the field. */
export async function renameBoard(id: string, name: string): Promise<Board> {
  const response = await request(boardUrl(id), jsonInit("PATCH", { name }));
  return readBody(response, boardSchema);
}

export async function deleteBoard(id: string): Promise<void> {
  await request(boardUrl(id), { method: "DELETE" });
}

function boardUrl(id: string): string {
  return `/api/boards/${encodeURIComponent(id)}`;
}

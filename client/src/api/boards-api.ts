import { type Board, boardSchema } from "@whiteboard/shared";
import { jsonInit, readBody, request } from "./request";

export async function fetchBoard(id: string, signal?: AbortSignal): Promise<Board> {
  const response = await request(boardUrl(id), signal ? { signal } : {});
  return readBody(response, boardSchema);
}

/**
 * With no name (or a blank one) the server picks its default. Without a `libraryId` the board
 * goes into the personal library; with one, into that shared library.
 */
export async function createBoard(name?: string, libraryId?: string): Promise<Board> {
  const trimmed = name?.trim();
  const body = { ...(trimmed ? { name: trimmed } : {}), ...(libraryId ? { libraryId } : {}) };
  const response = await request("/api/boards", jsonInit("POST", body));
  return readBody(response, boardSchema);
}

/** The name goes as typed: the server trims and validates it, and its message names the field. */
export async function renameBoard(id: string, name: string): Promise<Board> {
  const response = await request(boardUrl(id), jsonInit("PATCH", { name }));
  return readBody(response, boardSchema);
}

/** Moves the board to its libraries' trash; `restoreBoard` brings it back within the retention time. */
export async function deleteBoard(id: string): Promise<void> {
  await request(boardUrl(id), { method: "DELETE" });
}

// The bodyless POSTs send no Content-Type: a JSON content type with an empty body is a 400.
export async function restoreBoard(id: string): Promise<Board> {
  const response = await request(`${boardUrl(id)}/restore`, { method: "POST" });
  return readBody(response, boardSchema);
}

/** New `id` and `viewId`; the old links stop working for everyone. */
export async function resetBoardLinks(id: string): Promise<Board> {
  const response = await request(`${boardUrl(id)}/reset-links`, { method: "POST" });
  return readBody(response, boardSchema);
}

function boardUrl(id: string): string {
  return `/api/boards/${encodeURIComponent(id)}`;
}

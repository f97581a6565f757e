import { expect } from "vitest";
import { type Board, type ErrorCode, boardSchema, errorBody } from "@whiteboard/shared";
import type { MemberClient } from "./member-client.js";

// Response bodies are checked field by field; `any` keeps those checks readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJson = (res: Response): Promise<any> => res.json();

/** A board created by `client`, into its personal library unless `libraryId` says otherwise. */
export async function createBoard(client: Pick<MemberClient, "json">, name?: string, libraryId?: string): Promise<Board> {
  const res = await client.json("/api/boards", "POST", { ...(name !== undefined ? { name } : {}), ...(libraryId ? { libraryId } : {}) });
  expect(res.status).toBe(201);
  return boardSchema.parse(await readJson(res));
}

/** Asserts SPEC's error body with this status and code (and a message matching `message`). */
export async function expectError(res: Response, status: number, code: ErrorCode, message?: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await readJson(res);
  expect(body).toEqual(errorBody(code, expect.any(String) as unknown as string));
  if (message) expect(body.error.message).toMatch(message);
}

/** Ids of every shape that no one issued: each must be a plain 404. */
export const UNKNOWN_IDS = {
  short: "abc",
  long: "x".repeat(150),
  "well-formed but never issued": "AAAAAAAAAAAAAAAAAAAAAA",
  "../ shaped": "..%2F..%2Fetc%2Fpasswd",
  "dot dot": "..",
};

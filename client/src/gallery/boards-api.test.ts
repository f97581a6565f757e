import { afterEach, describe, expect, it, vi } from "vitest";
import { type Board, errorBody } from "@whiteboard/shared";
import { ApiError } from "../api/api-error";
import { createBoard, deleteBoard, fetchBoards, renameBoard } from "./boards-api";

const BOARD: Board = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  viewId: "BBBBBBBBBBBBBBBBBBBBBB",
  name: "Retro",
  createdAt: "2025-01-01T10:00:00.000Z",
  updatedAt: "2025-01-01T10:05:00.000Z",
  elementCount: 3,
  editors: 1,
  viewers: 2,
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    typeof response === "function" ? response() : Promise.resolve(response),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function sent(fetch: ReturnType<typeof stubFetch>): { url: string; init: RequestInit } {
  const call = fetch.mock.calls[0];
  if (!call) throw new Error("fetch was not called");
  return { url: String(call[0]), init: call[1] ?? {} };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchBoards", () => {
  it("sends If-None-Match with the known ETag and bypasses the HTTP cache", async () => {
    const fetch = stubFetch(new Response(null, { status: 304 }));
    await fetchBoards('"v1"');
    const { url, init } = sent(fetch);
    expect(url).toBe("/api/boards");
    expect(init.cache).toBe("no-store");
    expect(new Headers(init.headers).get("if-none-match")).toBe('"v1"');
  });

  it("sends no If-None-Match before it knows an ETag", async () => {
    const fetch = stubFetch(json({ boards: [] }));
    await fetchBoards(null);
    expect(new Headers(sent(fetch).init.headers).has("if-none-match")).toBe(false);
  });

  it("reports a 304 as unchanged", async () => {
    stubFetch(new Response(null, { status: 304 }));
    expect(await fetchBoards('"v1"')).toEqual({ kind: "unchanged" });
  });

  it("returns the validated list and the new ETag on a 200", async () => {
    stubFetch(json({ boards: [BOARD] }, 200, { etag: '"v2"' }));
    expect(await fetchBoards('"v1"')).toEqual({ kind: "changed", boards: [BOARD], etag: '"v2"' });
  });

  it("rejects a body that does not match the contract", async () => {
    stubFetch(json({ boards: [{ id: 1 }] }));
    await expect(fetchBoards(null)).rejects.toBeInstanceOf(ApiError);
  });

  it("turns a network failure into an error a person can read", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(fetchBoards(null)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/reach the server/) });
  });
});

describe("board mutations", () => {
  it("creates a board with the trimmed name", async () => {
    const fetch = stubFetch(json(BOARD, 201));
    expect(await createBoard("  Retro ")).toEqual(BOARD);
    const { url, init } = sent(fetch);
    expect([url, init.method, init.body]).toEqual(["/api/boards", "POST", JSON.stringify({ name: "Retro" })]);
  });

  it("creates a board without a name when the name is blank, so the server picks its default", async () => {
    const fetch = stubFetch(json(BOARD, 201));
    await createBoard("   ");
    expect(sent(fetch).init.body).toBe("{}");
  });

  it("renames with PATCH and carries the server's validation message on a 400", async () => {
    const fetch = stubFetch(json(errorBody("bad_request", "name: must not be empty"), 400));
    const failure = renameBoard(BOARD.id, " ");
    await expect(failure).rejects.toMatchObject({ status: 400, code: "bad_request", message: "name: must not be empty" });
    expect(sent(fetch).url).toBe(`/api/boards/${BOARD.id}`);
    expect(sent(fetch).init.method).toBe("PATCH");
  });

  it("deletes with DELETE and accepts the empty 204", async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await deleteBoard(BOARD.id);
    expect(sent(fetch).init.method).toBe("DELETE");
  });

  it("reports a 404 with the server's message", async () => {
    stubFetch(json(errorBody("not_found", "No board with this id."), 404));
    await expect(deleteBoard(BOARD.id)).rejects.toMatchObject({ status: 404, code: "not_found", message: "No board with this id." });
  });

  it("still gives a message when the error body is not SPEC's", async () => {
    stubFetch(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(deleteBoard(BOARD.id)).rejects.toMatchObject({ status: 502, message: "The server answered 502 Bad Gateway." });
  });
});

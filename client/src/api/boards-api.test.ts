import { afterEach, describe, expect, it, vi } from "vitest";
import { type Board, errorBody } from "@whiteboard/shared";
import { createBoard, deleteBoard, fetchBoard, renameBoard, resetBoardLinks, restoreBoard } from "./boards-api";
import { json, sent, stubFetch } from "./test-fetch";

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
const LIBRARY_ID = "LLLLLLLLLLLLLLLLLLLLLL";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("board calls", () => {
  it("fetches one board by its edit id and validates it", async () => {
    const fetch = stubFetch(json(BOARD));
    expect(await fetchBoard(BOARD.id)).toEqual(BOARD);
    expect(sent(fetch).url).toBe(`/api/boards/${BOARD.id}`);
  });

  it("creates a board with the trimmed name, in the personal library when no library is named", async () => {
    const fetch = stubFetch(json(BOARD, 201));
    expect(await createBoard("  Retro ")).toEqual(BOARD);
    const { url, init } = sent(fetch);
    expect([url, init.method, init.body]).toEqual(["/api/boards", "POST", JSON.stringify({ name: "Retro" })]);
  });

  it("creates a board in the shared library it is asked for", async () => {
    const fetch = stubFetch(json(BOARD, 201));
    await createBoard("Retro", LIBRARY_ID);
    expect(sent(fetch).init.body).toBe(JSON.stringify({ name: "Retro", libraryId: LIBRARY_ID }));
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

  it("restores and resets links with bodyless POSTs that carry no JSON content type", async () => {
    for (const [call, path] of [
      [restoreBoard, "restore"],
      [resetBoardLinks, "reset-links"],
    ] as const) {
      const fetch = stubFetch(json(BOARD));
      expect(await call(BOARD.id)).toEqual(BOARD);
      const { url, init } = sent(fetch);
      expect([url, init.method, init.body, new Headers(init.headers).has("content-type")]).toEqual([
        `/api/boards/${BOARD.id}/${path}`,
        "POST",
        undefined,
        false,
      ]);
    }
  });

  it("reports a 404 with the server's message", async () => {
    stubFetch(json(errorBody("not_found", "No board with this id."), 404));
    await expect(deleteBoard(BOARD.id)).rejects.toMatchObject({ status: 404, code: "not_found", message: "No board with this id." });
  });

  it("still gives a message when the error body is not SPEC's", async () => {
    stubFetch(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(deleteBoard(BOARD.id)).rejects.toMatchObject({ status: 502, message: "The server answered 502 Bad Gateway." });
  });

  it("turns a network failure into an error a person can read", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(fetchBoard(BOARD.id)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/reach the server/) });
  });
});

import { describe, expect, it } from "vitest";
import { boardSchema, libraryListSchema } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import { UNKNOWN_IDS, createBoard, expectError, readJson } from "../test/http.js";
import type { MemberClient } from "../test/member-client.js";

async function personalBoards(client: MemberClient): Promise<string[]> {
  const { libraries } = libraryListSchema.parse(await readJson(await client.request("/api/library")));
  return libraries[0]!.boards.map((b) => b.name);
}

describe("GET /healthz", () => {
  it("answers ok", async () => {
    const server = await startTestServer();
    const res = await server.request("/healthz");
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });
  });
});

describe("POST /api/boards", () => {
  it("creates a board with SPEC's shape and the default name", async () => {
    const server = await startTestServer();
    const res = await server.request("/api/boards", { method: "POST" });
    expect(res.status).toBe(201);
    const board = await readJson(res);
    expect(Object.keys(board).sort()).toEqual(
      ["createdAt", "editors", "elementCount", "id", "name", "updatedAt", "viewId", "viewers"].sort(),
    );
    expect(board).toMatchObject({ name: "Untitled board", elementCount: 0, editors: 0, viewers: 0 });
    expect(new Date(board.createdAt).toISOString()).toBe(board.createdAt);
    expect(board.updatedAt).toBe(board.createdAt);
    expect(board.id).not.toBe(board.viewId);
  });

  it("puts the new board in the creator's personal library, trimming its name", async () => {
    const server = await startTestServer();
    const alice = server.member();
    expect((await createBoard(alice, "  Retro  ")).name).toBe("Retro");
    expect(await personalBoards(alice)).toEqual(["Retro"]);
  });

  it("rejects a 121-character name with 400 naming the field, and creates nothing", async () => {
    const server = await startTestServer();
    const alice = server.member();
    await expectError(await alice.json("/api/boards", "POST", { name: "n".repeat(121) }), 400, "bad_request", /^name:/);
    await expectError(await alice.json("/api/boards", "POST", { name: "  " }), 400, "bad_request", /^name:/);
    expect(await personalBoards(alice)).toEqual([]);
  });

  it("rejects malformed JSON, a body that is not an object, and a body over the limit, creating nothing", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bad = await alice.request("/api/boards", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name": "unterminated',
    });
    await expectError(bad, 400, "bad_request", /JSON/);
    await expectError(await alice.json("/api/boards", "POST", ["name"]), 400, "bad_request", /^body:/);
    await expectError(await alice.json("/api/boards", "POST", { name: "big", padding: "x".repeat(64 * 1024) }), 413, "too_large");
    expect(await personalBoards(alice)).toEqual([]);
  });

  it("refuses a libraryId the caller does not belong to with 404, creating nothing, and a malformed one with 400", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bob = server.member();
    const team = await readJson(await alice.json("/api/libraries", "POST", { name: "Team" }));
    await expectError(await bob.json("/api/boards", "POST", { name: "sneaky", libraryId: team.id }), 404, "not_found", /libraryId/);
    await expectError(await bob.json("/api/boards", "POST", { libraryId: "nope" }), 400, "bad_request", /^libraryId:/);
    const { libraries } = libraryListSchema.parse(await readJson(await alice.request("/api/library")));
    expect(libraries.find((l) => l.id === team.id)!.boards).toEqual([]);
    expect(await personalBoards(bob)).toEqual([]);
  });
});

describe("GET, PATCH and DELETE /api/boards/:id", () => {
  it("gets a board by id", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    const res = await server.request(`/api/boards/${board.id}`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual(board);
  });

  it("renames a board, trimming the name and moving updatedAt", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    await new Promise((r) => setTimeout(r, 5));
    const res = await server.json(`/api/boards/${board.id}`, "PATCH", { name: "  Renamed " });
    expect(res.status).toBe(200);
    const renamed = boardSchema.parse(await readJson(res));
    expect(renamed).toMatchObject({ id: board.id, viewId: board.viewId, name: "Renamed", createdAt: board.createdAt });
    expect(renamed.updatedAt > board.updatedAt).toBe(true);
  });

  it("rejects a rename with a missing, blank or too long name, changing nothing", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "kept");
    await expectError(await server.json(`/api/boards/${board.id}`, "PATCH", {}), 400, "bad_request", /^name:/);
    await expectError(await server.json(`/api/boards/${board.id}`, "PATCH", { name: " " }), 400, "bad_request", /^name:/);
    await expectError(await server.json(`/api/boards/${board.id}`, "PATCH", { name: "n".repeat(121) }), 400, "bad_request", /^name:/);
    expect(await readJson(await server.request(`/api/boards/${board.id}`))).toEqual(board);
  });

  for (const [shape, id] of Object.entries(UNKNOWN_IDS)) {
    it(`answers 404 for an unknown id (${shape}) on every board route`, async () => {
      const server = await startTestServer();
      await expectError(await server.request(`/api/boards/${id}`), 404, "not_found");
      await expectError(await server.json(`/api/boards/${id}`, "PATCH", { name: "x" }), 404, "not_found");
      await expectError(await server.request(`/api/boards/${id}`, { method: "DELETE" }), 404, "not_found");
      await expectError(await server.request(`/api/boards/${id}/restore`, { method: "POST" }), 404, "not_found");
      await expectError(await server.request(`/api/boards/${id}/reset-links`, { method: "POST" }), 404, "not_found");
      await expectError(await server.request(`/api/view/${id}`), 404, "not_found");
      await expectError(await server.request(`/api/library/boards/${id}`, { method: "PUT" }), 404, "not_found");
    });
  }

  it("does not accept a view id where an edit id is needed", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    await expectError(await server.request(`/api/boards/${board.viewId}`), 404, "not_found");
    await expectError(await server.json(`/api/boards/${board.viewId}`, "PATCH", { name: "hijack" }), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.viewId}`, { method: "DELETE" }), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.viewId}/reset-links`, { method: "POST" }), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.viewId}/restore`, { method: "POST" }), 404, "not_found");
    expect((await readJson(await server.request(`/api/boards/${board.id}`))).name).toBe("x");
  });

  it("answers an unknown API path with SPEC's 404 body", async () => {
    const server = await startTestServer();
    await expectError(await server.request("/api/nothing-here"), 404, "not_found");
  });
});

describe("GET /api/view/:viewId", () => {
  it("returns the viewer's fields and never the edit id", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "Shared");
    const res = await server.request(`/api/view/${board.viewId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ viewId: board.viewId, name: "Shared", updatedAt: board.updatedAt });
    expect(text).not.toContain(board.id);
    for (const value of res.headers.values()) expect(value).not.toContain(board.id);
  });
});

describe("GET /api/boards (operators)", () => {
  const TOKEN = "operator-token-0123456789";

  it("does not exist without ADMIN_TOKEN", async () => {
    const server = await startTestServer();
    await createBoard(server, "x");
    await expectError(await server.request("/api/boards"), 404, "not_found");
    await expectError(await server.request("/api/boards", { headers: { authorization: `Bearer ${TOKEN}` } }), 404, "not_found");
  });

  it("answers 401 without the token or with a wrong one, and lists every live board with it", async () => {
    const server = await startTestServer({ adminToken: TOKEN });
    const a = await createBoard(server.member(), "a");
    const b = await createBoard(server.member(), "b");
    await expectError(await server.request("/api/boards"), 401, "unauthorized");
    await expectError(await server.request("/api/boards", { headers: { authorization: `Bearer ${TOKEN}x` } }), 401, "unauthorized");
    await expectError(await server.request("/api/boards", { headers: { authorization: TOKEN } }), 401, "unauthorized");
    const res = await server.request("/api/boards", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect((await readJson(res)).boards.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
  });
});

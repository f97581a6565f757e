import { describe, expect, it } from "vitest";
import { type Board, boardListSchema, boardSchema, errorBody } from "@whiteboard/shared";
import { startTestServer, type TestServer } from "../test/server.js";

// Response bodies are checked field by field below; `any` keeps those checks readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = (res: Response): Promise<any> => res.json();

async function createBoard(server: TestServer, name?: string): Promise<Board> {
  const res = await server.json("/api/boards", "POST", name === undefined ? {} : { name });
  expect(res.status).toBe(201);
  return boardSchema.parse(await readJson(res));
}

async function listEtag(server: TestServer): Promise<string> {
  const res = await server.request("/api/boards");
  expect(res.status).toBe(200);
  return res.headers.get("etag")!;
}

async function expectError(res: Response, status: number, code: string, message?: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await readJson(res);
  expect(body).toEqual(errorBody(code as never, expect.any(String) as unknown as string));
  if (message) expect(body.error.message).toMatch(message);
}

const UNKNOWN_IDS = {
  short: "abc",
  long: "x".repeat(150),
  "well-formed but never issued": "AAAAAAAAAAAAAAAAAAAAAA",
  "../ shaped": "..%2F..%2Fetc%2Fpasswd",
  "dot dot": "..",
};

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

  it("trims the given name", async () => {
    const server = await startTestServer();
    expect((await createBoard(server, "  Retro  ")).name).toBe("Retro");
  });

  it("rejects a 121-character name with 400 naming the field, and creates nothing", async () => {
    const server = await startTestServer();
    const etag = await listEtag(server);
    await expectError(await server.json("/api/boards", "POST", { name: "n".repeat(121) }), 400, "bad_request", /^name:/);
    expect(await listEtag(server)).toBe(etag);
    expect((await readJson(await server.request("/api/boards"))).boards).toEqual([]);
  });

  it("rejects a blank name with 400", async () => {
    const server = await startTestServer();
    await expectError(await server.json("/api/boards", "POST", { name: "  " }), 400, "bad_request", /^name:/);
  });

  it("rejects malformed JSON with 400", async () => {
    const server = await startTestServer();
    const res = await server.request("/api/boards", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name": "unterminated',
    });
    await expectError(res, 400, "bad_request", /JSON/);
  });

  it("rejects a body that is not an object with 400", async () => {
    const server = await startTestServer();
    await expectError(await server.json("/api/boards", "POST", ["name"]), 400, "bad_request", /^body:/);
  });

  it("rejects a body over the size limit with 413 and creates nothing", async () => {
    const server = await startTestServer();
    const res = await server.json("/api/boards", "POST", { name: "big", padding: "x".repeat(64 * 1024) });
    await expectError(res, 413, "too_large");
    expect((await readJson(await server.request("/api/boards"))).boards).toEqual([]);
  });
});

describe("GET /api/boards", () => {
  it("lists boards newest updatedAt first, with no-cache and a strong ETag", async () => {
    const server = await startTestServer();
    const first = await createBoard(server, "first");
    await new Promise((r) => setTimeout(r, 5));
    const second = await createBoard(server, "second");
    const res = await server.request("/api/boards");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    const { boards } = boardListSchema.parse(await readJson(res));
    expect(boards.map((b) => b.id)).toEqual([second.id, first.id]);
  });

  it("answers a matching If-None-Match with 304 and an empty body", async () => {
    const server = await startTestServer();
    await createBoard(server, "x");
    const etag = await listEtag(server);
    const res = await server.request("/api/boards", { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(etag);
  });

  it("matches If-None-Match lists, weak forms and *", async () => {
    const server = await startTestServer();
    const etag = await listEtag(server);
    for (const header of [`"other", ${etag}`, `W/${etag}`, "*"]) {
      expect((await server.request("/api/boards", { headers: { "if-none-match": header } })).status).toBe(304);
    }
    expect((await server.request("/api/boards", { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  it("keeps the ETag while nothing changes, including across reads and failed writes", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    const etag = await listEtag(server);
    await server.request(`/api/boards/${board.id}`);
    await server.request(`/api/view/${board.viewId}`);
    await server.json(`/api/boards/${board.id}`, "PATCH", { name: "" });
    await server.request(`/api/boards/${"A".repeat(22)}`, { method: "DELETE" });
    expect(await listEtag(server)).toBe(etag);
  });

  it("changes the ETag after a create, a rename and a delete", async () => {
    const server = await startTestServer();
    const seen = new Set([await listEtag(server)]);
    const board = await createBoard(server, "x");
    seen.add(await listEtag(server));
    expect((await server.json(`/api/boards/${board.id}`, "PATCH", { name: "y" })).status).toBe(200);
    seen.add(await listEtag(server));
    expect((await server.request(`/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
    seen.add(await listEtag(server));
    expect(seen.size).toBe(4);
  });

  it("does not reuse an ETag after a restart on the same data", async () => {
    const server = await startTestServer();
    await createBoard(server, "x");
    const before = await listEtag(server);
    await server.app.close();
    const restarted = await startTestServer({ dataDir: server.dataDir });
    expect(await listEtag(restarted)).not.toBe(before);
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
    await expectError(
      await server.json(`/api/boards/${board.id}`, "PATCH", { name: "n".repeat(121) }),
      400,
      "bad_request",
      /^name:/,
    );
    expect(await readJson(await server.request(`/api/boards/${board.id}`))).toEqual(board);
  });

  it("deletes a board: 204, then 404 everywhere", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "doomed");
    const res = await server.request(`/api/boards/${board.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectError(await server.request(`/api/boards/${board.id}`), 404, "not_found");
    await expectError(await server.request(`/api/view/${board.viewId}`), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.id}`, { method: "DELETE" }), 404, "not_found");
  });

  for (const [shape, id] of Object.entries(UNKNOWN_IDS)) {
    it(`answers 404 for an unknown id (${shape}) on GET, PATCH and DELETE`, async () => {
      const server = await startTestServer();
      await expectError(await server.request(`/api/boards/${id}`), 404, "not_found");
      await expectError(await server.json(`/api/boards/${id}`, "PATCH", { name: "x" }), 404, "not_found");
      await expectError(await server.request(`/api/boards/${id}`, { method: "DELETE" }), 404, "not_found");
      await expectError(await server.request(`/api/view/${id}`), 404, "not_found");
    });
  }

  it("does not accept a view id where an edit id is needed", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    await expectError(await server.request(`/api/boards/${board.viewId}`), 404, "not_found");
    await expectError(await server.json(`/api/boards/${board.viewId}`, "PATCH", { name: "hijack" }), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.viewId}`, { method: "DELETE" }), 404, "not_found");
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

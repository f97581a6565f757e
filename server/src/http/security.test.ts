import { describe, expect, it } from "vitest";
import { MEMBER_COOKIE } from "@whiteboard/shared";
import { fakeClientBuild } from "../test/client-build.js";
import { startTestServer } from "../test/server.js";
import { createBoard, expectError, readJson } from "../test/http.js";
import { upgradeStatus } from "../test/editors.js";


function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(" ")] as const;
      }),
  );
}

describe("security headers", () => {
  it("gives every page SPEC's CSP (no inline script, no eval), no-referrer and nosniff", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    for (const page of ["/", "/b/AAAAAAAAAAAAAAAAAAAAAA", "/v/BBBBBBBBBBBBBBBBBBBBBB", "/join/CCCCCCCCCCCCCCCCCCCCCC"]) {
      const res = await server.request(page);
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get("content-security-policy")!);
      expect(csp.get("default-src")).toBe("'self'");
      expect(csp.get("script-src")).toBe("'self'");
      expect(csp.get("connect-src")).toBe("'self'");
      expect(csp.get("object-src")).toBe("'none'");
      expect(csp.get("base-uri")).toBe("'none'");
      expect(csp.get("frame-ancestors")).toBe("'none'");
      for (const value of csp.values()) expect(value).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("marks capability pages noindex, and not the gallery", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    for (const page of ["/b/AAAAAAAAAAAAAAAAAAAAAA", "/v/BBBBBBBBBBBBBBBBBBBBBB", "/join/CCCCCCCCCCCCCCCCCCCCCC"]) {
      expect((await server.request(page)).headers.get("x-robots-tag")).toMatch(/noindex/);
    }
    expect((await server.request("/")).headers.get("x-robots-tag")).toBeNull();
  });

  it("sends nosniff on API answers, errors, the viewer stream and refused upgrades", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "x");
    expect((await server.request("/api/library")).headers.get("x-content-type-options")).toBe("nosniff");
    expect((await server.request("/api/nope")).headers.get("x-content-type-options")).toBe("nosniff");
    const controller = new AbortController();
    const stream = await server.request(`/api/view/${board.viewId}/events`, { signal: controller.signal });
    expect(stream.headers.get("x-content-type-options")).toBe("nosniff");
    controller.abort();
    const refused = await new Promise<string | undefined>((resolve) => {
      void import("ws").then(({ default: WebSocket }) => {
        const ws = new WebSocket(`ws://${server.url.host}/ws/AAAAAAAAAAAAAAAAAAAAAA`);
        ws.on("unexpected-response", (_req, res) => resolve(res.headers["x-content-type-options"] as string | undefined));
        ws.on("error", () => undefined);
      });
    });
    expect(refused).toBe("nosniff");
  });
});

describe("cross-site requests", () => {
  it("refuses a state-changing call from a foreign Origin with 403, creating, renaming and deleting nothing", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const board = await createBoard(alice, "Mine");
    const evil = { origin: "https://evil.example" };
    await expectError(await alice.json("/api/boards", "POST", { name: "planted" }, evil), 403, "forbidden");
    await expectError(await alice.json(`/api/boards/${board.id}`, "PATCH", { name: "pwned" }, evil), 403, "forbidden");
    await expectError(await alice.request(`/api/boards/${board.id}`, { method: "DELETE", headers: evil }), 403, "forbidden");
    await expectError(await alice.request(`/api/boards/${board.id}/reset-links`, { method: "POST", headers: evil }), 403, "forbidden");
    await expectError(await alice.request(`/api/library/boards/${board.viewId}`, { method: "PUT", headers: evil }), 403, "forbidden");
    await expectError(await alice.json("/api/libraries", "POST", { name: "x" }, evil), 403, "forbidden");
    const library = (await readJson(await alice.request("/api/library"))).libraries;
    expect(library).toHaveLength(1);
    expect(library[0].boards.map((b: { name: string }) => b.name)).toEqual(["Mine"]);
    expect((await readJson(await server.request(`/api/boards/${board.id}`))).id).toBe(board.id);
  });

  it("refuses them whatever the path's spelling: a percent-encoded /api/ is the same route", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const evil = { origin: "https://evil.example" };
    await expectError(await alice.request("/%61pi/boards", { method: "POST", headers: evil }), 403, "forbidden");
    await expectError(await alice.request("/%61pi/member/device-link", { method: "POST", headers: evil }), 403, "forbidden");
    expect(alice.cookies.size).toBe(0);
  });

  it("admits the server's own origin, an ALLOWED_ORIGINS one, and a script with no Origin", async () => {
    const server = await startTestServer({ allowedOrigins: ["https://app.example"] });
    const alice = server.member();
    const origins: Array<Record<string, string>> = [{ origin: server.url.origin }, { origin: "https://app.example" }, {}];
    for (const headers of origins) {
      expect((await alice.json("/api/boards", "POST", { name: "ok" }, headers)).status).toBe(201);
    }
  });

  it("lets reads through whatever their Origin (they change nothing, and CORS keeps their answers from foreign pages)", async () => {
    const server = await startTestServer();
    expect((await server.request("/api/library", { headers: { origin: "https://evil.example" } })).status).toBe(200);
    expect((await server.request("/api/library", { headers: { origin: "https://evil.example" } })).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("failed capability lookups", () => {
  it("are limited per address more tightly than other requests, with 429 and Retry-After, over HTTP, SSE and WebSocket", async () => {
    const server = await startTestServer({ lookupLimit: { maxFailures: 3, windowMs: 60_000 } });
    const board = await createBoard(server, "real");
    for (let i = 0; i < 3; i++) expect((await server.request(`/api/boards/${"A".repeat(21)}${i}`)).status).toBe(404);
    const limited = await server.request(`/api/boards/${"B".repeat(22)}`);
    await expectError(limited.clone(), 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even a real capability waits: a scanner learns nothing from a hit during the penalty.
    expect((await server.request(`/api/boards/${board.id}`)).status).toBe(429);
    expect((await server.request(`/api/view/${board.viewId}/events`)).status).toBe(429);
    expect((await upgradeStatus(`ws://${server.url.host}/ws/${board.id}`)).status).toBe(429);
    expect((await server.json("/api/libraries/join", "POST", { invite: "C".repeat(22) })).status).toBe(429);
    // Other requests are not affected.
    expect((await server.request("/api/library")).status).toBe(200);
  });

  it("do not count successful lookups", async () => {
    const server = await startTestServer({ lookupLimit: { maxFailures: 2, windowMs: 60_000 } });
    const board = await createBoard(server, "real");
    for (let i = 0; i < 10; i++) expect((await server.request(`/api/boards/${board.id}`)).status).toBe(200);
  });

  it("believe X-Forwarded-For only from TRUST_PROXY's addresses", async () => {
    const untrusted = await startTestServer({ lookupLimit: { maxFailures: 1, windowMs: 60_000 } });
    expect((await untrusted.request(`/api/boards/${"A".repeat(22)}`, { headers: { "x-forwarded-for": "203.0.113.1" } })).status).toBe(404);
    // Claiming another address changes nothing: the socket's address is what counts.
    expect((await untrusted.request(`/api/boards/${"A".repeat(22)}`, { headers: { "x-forwarded-for": "203.0.113.2" } })).status).toBe(429);

    const proxied = await startTestServer({ lookupLimit: { maxFailures: 1, windowMs: 60_000 }, trustProxy: ["127.0.0.1"] });
    expect((await proxied.request(`/api/boards/${"A".repeat(22)}`, { headers: { "x-forwarded-for": "203.0.113.1" } })).status).toBe(404);
    expect((await proxied.request(`/api/boards/${"A".repeat(22)}`, { headers: { "x-forwarded-for": "203.0.113.2" } })).status).toBe(404);
    expect((await proxied.request(`/api/boards/${"A".repeat(22)}`, { headers: { "x-forwarded-for": "203.0.113.1" } })).status).toBe(429);
  });
});

describe("the member cookie behind a proxy", () => {
  const secureCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${MEMBER_COOKIE}=`))!;

  it("is Secure when a trusted proxy says the request came over HTTPS, and not when anyone else says so", async () => {
    const proxied = await startTestServer({ trustProxy: ["127.0.0.0/8"] });
    const https = { "x-forwarded-proto": "https" };
    expect(secureCookie(await proxied.request("/api/boards", { method: "POST", headers: https }))).toMatch(/;\s*Secure/i);
    const direct = await startTestServer();
    expect(secureCookie(await direct.request("/api/boards", { method: "POST", headers: https }))).not.toMatch(/Secure/i);
  });
});

describe("operators' libraries", () => {
  it("lists shared libraries with their invites only with ADMIN_TOKEN", async () => {
    const token = "operator-token-0123456789";
    const server = await startTestServer({ adminToken: token });
    const team = await readJson(await server.member().json("/api/libraries", "POST", { name: "Team" }));
    await expectError(await server.request("/api/admin/libraries"), 401, "unauthorized");
    const res = await server.request("/api/admin/libraries", { headers: { authorization: `Bearer ${token}` } });
    expect(await readJson(res)).toEqual({ libraries: [{ id: team.id, name: "Team", invite: team.invite, boards: 0 }] });
    const without = await startTestServer();
    await expectError(await without.request("/api/admin/libraries"), 404, "not_found");
  });
});

import { describe, expect, it } from "vitest";
import { startTestServer } from "../test/server.js";

describe("API rate limit", () => {
  it("answers 429 rate_limited with Retry-After once an address exceeds its budget", async () => {
    const server = await startTestServer({ rateLimit: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await server.request("/api/library")).status).toBe(200);
    const res = await server.request("/api/library");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/retry/i) } });
  });

  it("does not limit the health check or pages", async () => {
    const server = await startTestServer({ rateLimit: { max: 1, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await server.request("/healthz")).status).toBe(200);
  });

  it("does not limit viewer feed connections, which a browser would not retry after a 429", async () => {
    const server = await startTestServer({ rateLimit: { max: 2, windowMs: 60_000 } });
    const board = (await (await server.request("/api/boards", { method: "POST" })).json()) as { viewId: string };
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const res = await server.request(`/api/view/${board.viewId}/events`, { signal: controller.signal });
      expect(res.status).toBe(200);
      controller.abort();
    }
  });
});

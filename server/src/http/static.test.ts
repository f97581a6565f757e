import { describe, expect, it } from "vitest";
import { fakeClientBuild } from "../test/client-build.js";
import { startTestServer } from "../test/server.js";


describe("serving the built client", () => {
  it("loads the app on /, /b/:id and /v/:viewId, revalidating the page each time", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    for (const page of ["/", "/b/AAAAAAAAAAAAAAAAAAAAAA", "/v/BBBBBBBBBBBBBBBBBBBBBB"]) {
      const res = await server.request(page);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("<title>Whiteboard</title>");
    }
  });

  it("serves hashed assets as immutable", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    const res = await server.request("/assets/app-1234.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("answers an unknown file with SPEC's 404 body, and never serves outside the build", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    for (const p of ["/nope.js", "/assets/..%2f..%2fetc%2fpasswd", "/b/x/y"]) {
      const res = await server.request(p);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});

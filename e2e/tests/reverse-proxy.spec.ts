import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MEMBER_COOKIE } from "@whiteboard/shared";
import { expect, startServer, stopServer, test } from "../fixtures.js";
import { drawLine, viewerElements } from "../board-helpers.js";
import { type ProxyKind, startProxy } from "../proxies.js";
import { devCertificate } from "../tls.js";

/** How many viewer tabs of one origin: one more than HTTP/1.1's six connections would allow. */
const VIEWER_TABS = 7;

for (const kind of ["caddy", "nginx"] as const satisfies readonly ProxyKind[]) {
  test(`behind ${kind} as the README configures it, pages and ${VIEWER_TABS} viewer streams come over HTTP/2, an editor's WebSocket goes through, viewers see its stroke, and the cookie is Secure`, async ({ browser }) => {
    test.setTimeout(90_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wb-e2e-${kind}-`));
    const { TLS_CERT, TLS_KEY } = devCertificate(dir);
    // The server as the README runs it behind a proxy: plain HTTP on loopback, trusting the proxy.
    const server = await startServer(path.join(dir, "data"), { TRUST_PROXY: "127.0.0.1" });
    const proxy = await startProxy(kind, { upstream: new URL(server.url).host, cert: TLS_CERT, key: TLS_KEY, dir });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const editor = await context.newPage();
      await editor.goto(`${proxy.url}/`);
      expect(await editor.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol)).toBe("h2");
      const board = await editor.evaluate(async () => {
        const res = await fetch("/api/boards", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        return (await res.json()) as { id: string; viewId: string };
      });

      const streams: string[] = [];
      const viewers = [];
      for (let i = 0; i < VIEWER_TABS; i++) {
        const page = await context.newPage();
        page.on("response", async (response) => {
          if (response.url().includes("/events")) streams.push((await response.request().headerValue(":scheme")) ? "h2" : "http/1.1");
        });
        await page.goto(`${proxy.url}/v/${board.viewId}`);
        viewers.push(page);
      }
      for (const page of viewers) await expect(page.getByTestId("viewer-status")).toHaveText("live");
      expect(streams).toEqual(Array(VIEWER_TABS).fill("h2"));

      await editor.goto(`${proxy.url}/b/${board.id}`);
      await expect(editor.getByTestId("connection-status")).toHaveText("connected");
      await editor.getByTestId("tool-pen").click();
      await drawLine(editor, { x: 300, y: 400 }, { x: 600, y: 420 });
      // A buffering proxy would hold the update until its buffer filled or the stream ended.
      for (const page of viewers) await expect.poll(async () => Object.keys(await viewerElements(page)).length, { timeout: 5_000 }).toBe(1);

      // X-Forwarded-Proto reached the server, which trusted it: the member cookie is Secure.
      const cookie = (await context.cookies(proxy.url)).find((c) => c.name === MEMBER_COOKIE);
      expect(cookie?.secure).toBe(true);
      await context.close();
    } finally {
      await proxy.stop();
      await stopServer(server);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

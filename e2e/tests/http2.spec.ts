import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, startServer, stopServer, test, type RunningServer } from "../fixtures.js";
import { drawLine, viewerElements } from "../board-helpers.js";
import { devCertificate } from "../tls.js";

let server: RunningServer;
test.beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wb-e2e-tls-"));
  server = await startServer(path.join(dir, "data"), devCertificate(dir));
});
test.afterEach(async () => {
  await stopServer(server);
});

test("over HTTPS with HTTP/2, ten viewer tabs of ten boards in one browser are all live, and an editor tab draws on each", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(server.url).toMatch(/^https:\/\//);
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const protocols = new Set<string>();
  const setup = await context.newPage();
  await setup.goto(`${server.url}/`);
  const boards = await setup.evaluate(async () => {
    const made: { id: string; viewId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch("/api/boards", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `Board ${i + 1}` }) });
      made.push((await res.json()) as { id: string; viewId: string });
    }
    return made;
  });
  const viewers = [];
  for (const board of boards) {
    const page = await context.newPage();
    page.on("response", async (response) => {
      if (response.url().includes("/events")) protocols.add((await response.request().headerValue(":scheme")) ? "h2" : "http/1.1");
    });
    await page.goto(`${server.url}/v/${board.viewId}`);
    viewers.push(page);
  }
  for (const page of viewers) await expect(page.getByTestId("viewer-status")).toHaveText("live");
  // Every stream went over HTTP/2 (a pseudo-header only HTTP/2 has); over HTTP/1.1 the seventh
  // tab would not even have loaded.
  expect([...protocols]).toEqual(["h2"]);

  // An editor tab on the same origin opens its WebSocket (over HTTP/1.1 on the same port) and
  // draws on each board in turn; every viewer sees its board's stroke.
  const editor = await context.newPage();
  for (const board of boards) {
    await editor.goto(`${server.url}/b/${board.id}`);
    await expect(editor.getByTestId("connection-status")).toHaveText("connected");
    await editor.getByTestId("tool-pen").click();
    await drawLine(editor, { x: 300, y: 400 }, { x: 600, y: 420 });
  }
  for (const page of viewers) await expect.poll(async () => Object.keys(await viewerElements(page)).length).toBe(1);
});

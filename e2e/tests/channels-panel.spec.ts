import type { Page } from "@playwright/test";
import { CHANNEL_REASONS, POLL_INTERVAL_MS } from "@whiteboard/shared";
import { expect, test } from "../fixtures.js";
import { createBoard, drawLine } from "../board-helpers.js";

/** A figure of the open panel, raw (each cell keeps it in `data-value`). */
async function figure(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute("data-value"));
}

/** Opens the "How this works" panel with its toggle, checking how it presents itself. */
async function openPanel(page: Page) {
  const toggle = page.getByRole("button", { name: "How this works" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: "How this works" });
  await expect(panel.getByRole("heading", { name: "How this works" })).toBeVisible();
  return { toggle, panel };
}

test("the editor's panel shows the WebSocket and its messages out growing as a stroke is drawn, beside the server's totals", async ({
  browser,
  server,
}) => {
  const board = await createBoard(server.url, "Channels");
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/b/${board.id}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");

  const { toggle, panel } = await openPanel(page);
  await expect(panel.getByTestId("channel-reason")).toHaveText(CHANNEL_REASONS.websocket);
  await expect(panel.getByTestId("channel-reconnects")).toHaveText("0");
  // Connecting already took a sync exchange both ways.
  await expect.poll(() => figure(page, "channel-messages-in")).toBeGreaterThan(0);
  const before = { messages: await figure(page, "channel-messages-out"), bytes: await figure(page, "channel-bytes-out") };
  await expect(panel.getByTestId("server-websocket")).toContainText("1 open");

  // Drawn with the panel open: it stays open, and the stroke goes out as it grows.
  await drawLine(page, { x: 300, y: 400 }, { x: 700, y: 420 });
  await expect.poll(() => figure(page, "channel-messages-out")).toBeGreaterThan(before.messages);
  expect(await figure(page, "channel-bytes-out")).toBeGreaterThan(before.bytes);
  await expect(panel).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
});

test("the viewer's panel shows events coming in and the last event id moving when an editor draws", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Channels");
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(`${server.url}/v/${board.viewId}`);
  await expect(viewer.getByTestId("viewer-status")).toHaveText("live");

  const { panel } = await openPanel(viewer);
  await expect(panel.getByTestId("channel-reason")).toHaveText(CHANNEL_REASONS.sse);
  // The snapshot came in first, with an id.
  await expect(panel.getByTestId("channel-last-event-id")).toHaveText(/^\d+$/);
  const before = { messages: await figure(viewer, "channel-messages-in"), lastEventId: await panel.getByTestId("channel-last-event-id").textContent() };
  expect(await figure(viewer, "channel-messages-out")).toBe(0);

  const editor = await (await browser.newContext()).newPage();
  await editor.goto(`${server.url}/b/${board.id}`);
  await expect(editor.getByTestId("connection-status")).toHaveText("connected");
  await drawLine(editor, { x: 300, y: 400 }, { x: 700, y: 420 });

  await expect.poll(() => figure(viewer, "channel-messages-in")).toBeGreaterThan(before.messages);
  await expect(panel.getByTestId("channel-last-event-id")).not.toHaveText(before.lastEventId ?? "");
  // Nothing flows back on a feed.
  expect(await figure(viewer, "channel-messages-out")).toBe(0);
  await expect(panel.getByTestId("channel-reconnects")).toHaveText("0");
});

test("the gallery's panel counts polls and 304s and shows the list's ETag, and asks nothing once closed", async ({ browser, server }) => {
  const page = await (await browser.newContext()).newPage();
  const statsRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/channels") statsRequests.push(request.url());
  });
  // Playwright's clock: the 60 s interval stays as it is, and the test moves time instead of waiting.
  await page.clock.install();
  await page.goto(server.url);
  await expect(page.getByText("0 boards · synced just now")).toBeVisible();
  expect(statsRequests).toEqual([]);

  const { toggle, panel } = await openPanel(page);
  await expect(panel.getByTestId("channel-reason")).toHaveText(CHANNEL_REASONS.polling);
  await expect(panel.getByTestId("channel-polls")).toHaveText("1");
  await expect(panel.getByTestId("channel-not-modified")).toHaveText("0");
  const firstEtag = await panel.getByTestId("channel-etag").textContent();
  expect(firstEtag).toMatch(/^".+"$/);
  expect(await figure(page, "channel-bytes-in")).toBeGreaterThan(0);

  // Nothing changed: the next poll is a 304, counted once the panel samples again.
  await page.clock.fastForward(POLL_INTERVAL_MS);
  await expect
    .poll(async () => {
      await page.clock.runFor(1000);
      return panel.getByTestId("channel-not-modified").textContent();
    })
    .toBe("1");
  await expect(panel.getByTestId("channel-polls")).toHaveText("2");
  await expect(panel.getByTestId("channel-etag")).toHaveText(firstEtag!);

  // A board saved to this member's list (from elsewhere: the page's cookie, not its UI) changes
  // the list: the next poll is a 200 with a new ETag.
  expect((await page.request.post(`${server.url}/api/boards`, { data: { name: "New" } })).status()).toBe(201);
  await page.clock.fastForward(POLL_INTERVAL_MS);
  await expect
    .poll(async () => {
      await page.clock.runFor(1000);
      return panel.getByTestId("channel-polls").textContent();
    })
    .toBe("3");
  await expect(panel.getByTestId("channel-etag")).not.toHaveText(firstEtag!);
  await expect(panel.getByTestId("channel-not-modified")).toHaveText("1");
  await expect(panel.getByTestId("server-polling")).toContainText("3 polls, 1 answered 304");

  // Closed: no more samples and no more questions to the server, however long it stays so.
  await toggle.click();
  await expect(panel).toBeHidden();
  const asked = statsRequests.length;
  expect(asked).toBeGreaterThan(0);
  await page.clock.runFor(10_000);
  expect(statsRequests.length).toBe(asked);
});

import type { BrowserContext, Page } from "@playwright/test";
import { HIDDEN_VIEWER_RELEASE_MS } from "@whiteboard/shared";
import { expect, test } from "../fixtures.js";
import { createBoard, viewerElements } from "../board-helpers.js";

interface FeedHook {
  __whiteboardViewer?: { streams: string[]; snapshots: number };
}

/** What a browser does when the tab is switched away from, or back to. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (isHidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

async function openViewerTab(context: BrowserContext, url: string, viewId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/v/${viewId}`);
  await expect(page.getByTestId("viewer-status")).toHaveText("live");
  return page;
}

const feedOf = (page: Page) => page.evaluate(() => (window as unknown as FeedHook).__whiteboardViewer!);

test("hidden viewer tabs let go of their streams, so a seventh and eighth tab go live, and one shown again catches up by resume", async ({
  browser,
  server,
}) => {
  test.setTimeout(90_000);
  const boards = await Promise.all(Array.from({ length: 8 }, (_, i) => createBoard(server.url, `Board ${i + 1}`)));
  // One browser profile: HTTP/1.1 allows it six connections to the server, and each viewer tab's
  // EventSource holds one.
  const context = await browser.newContext();
  await context.clock.install();
  const tabs: Page[] = [];
  for (const board of boards.slice(0, 6)) tabs.push(await openViewerTab(context, server.url, board.viewId));

  for (const tab of tabs.slice(1)) await setHidden(tab, true);
  // Hidden, but not yet for long: every stream is kept.
  await expect(tabs[1]!.getByTestId("viewer-status")).toHaveText("live");
  await context.clock.fastForward(HIDDEN_VIEWER_RELEASE_MS + 1_000);
  for (const tab of tabs.slice(1)) await expect(tab.getByTestId("viewer-status")).toHaveText("paused");
  await expect(tabs[0]!.getByTestId("viewer-status")).toHaveText("live");

  // With five connections given back, a seventh and an eighth tab load and go live.
  const seventh = await openViewerTab(context, server.url, boards[6]!.viewId);
  const eighth = await openViewerTab(context, server.url, boards[7]!.viewId);
  await expect(seventh.getByTestId("viewer-status")).toHaveText("live");
  await expect(eighth.getByTestId("viewer-status")).toHaveText("live");

  // Something is drawn on a paused tab's board meanwhile...
  const hiddenTab = tabs[1]!;
  const editor = await (await browser.newContext()).newPage();
  await editor.goto(`${server.url}/b/${boards[1]!.id}`);
  await expect(editor.getByTestId("connection-status")).toHaveText("connected");
  await editor.getByTestId("tool-pen").click();
  await editor.mouse.move(300, 400);
  await editor.mouse.down();
  await editor.mouse.move(600, 420, { steps: 10 });
  await editor.mouse.up();
  expect(Object.keys(await viewerElements(hiddenTab))).toHaveLength(0);

  // ...and the tab, shown again, resumes after its last event: only what it missed, no snapshot.
  await setHidden(hiddenTab, false);
  await expect(hiddenTab.getByTestId("viewer-status")).toHaveText("live");
  await expect.poll(async () => Object.keys(await viewerElements(hiddenTab)).length).toBe(1);
  const feed = await feedOf(hiddenTab);
  expect(feed.streams).toHaveLength(2);
  expect(feed.streams[1]).toMatch(/\?lastEventId=\d+$/);
  expect(feed.snapshots).toBe(1);
});

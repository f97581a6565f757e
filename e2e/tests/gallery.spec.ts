import type { Page, Response } from "@playwright/test";
import { POLL_INTERVAL_MS } from "@whiteboard/shared";
import { expect, test } from "../fixtures.js";

/** The statuses of the page's `GET /api/library` responses, in order. */
function recordListStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on("response", (response: Response) => {
    const url = new URL(response.url());
    if (url.pathname === "/api/library" && response.request().method() === "GET") statuses.push(response.status());
  });
  return statuses;
}

test("a board created and renamed in one tab appears in the same browser's other tab after its next poll, with 304s while nothing changed", async ({
  browser,
  server,
}) => {
  // Two tabs of one browser: one member, one personal library.
  const context = await browser.newContext();
  const alice = await context.newPage();
  const bob = await context.newPage();
  const bobStatuses = recordListStatuses(bob);

  // Bob's clock is Playwright's: the product's 60 s interval stays as it is, and the test moves
  // time forward instead of waiting a minute.
  await bob.clock.install();
  await bob.goto(server.url);
  await alice.goto(server.url);
  await expect.poll(() => bobStatuses).toEqual([200]);
  await expect(bob.getByTestId("board-row")).toHaveCount(0);

  // Nothing changed: the next poll is a 304.
  await bob.clock.fastForward(POLL_INTERVAL_MS);
  await expect.poll(() => bobStatuses).toEqual([200, 304]);

  // Alice creates and renames a board; her own list refreshes at once.
  await alice.getByTestId("new-board-name").fill("Sprint planning");
  await alice.getByTestId("new-board").click();
  const aliceRow = alice.getByTestId("board-row");
  await expect(aliceRow).toHaveCount(1);
  await expect(aliceRow.getByTestId("board-name")).toHaveText("Sprint planning");
  await aliceRow.getByTestId("rename-board").click();
  await aliceRow.getByTestId("rename-input").fill("Sprint 42 planning");
  await aliceRow.getByTestId("rename-input").press("Enter");
  await expect(aliceRow.getByTestId("board-name")).toHaveText("Sprint 42 planning");

  // Bob has not polled since: he still shows nothing.
  expect(bobStatuses).toEqual([200, 304]);
  await expect(bob.getByTestId("board-row")).toHaveCount(0);

  // His next poll brings the renamed board.
  await bob.clock.fastForward(POLL_INTERVAL_MS);
  await expect.poll(() => bobStatuses).toEqual([200, 304, 200]);
  const bobRow = bob.getByTestId("board-row");
  await expect(bobRow).toHaveCount(1);
  await expect(bobRow.getByTestId("board-name")).toHaveText("Sprint 42 planning");
  await expect(bobRow.getByTestId("board-presence")).toContainText("0 editing");

  // And with nothing new, 304 again.
  await bob.clock.fastForward(POLL_INTERVAL_MS);
  await expect.poll(() => bobStatuses).toEqual([200, 304, 200, 304]);
});

test("deleting a board asks for confirmation, then removes it from every tab", async ({ browser, server }) => {
  const context = await browser.newContext();
  const alice = await context.newPage();
  const bob = await context.newPage();
  await bob.clock.install();
  await alice.goto(server.url);
  await alice.getByTestId("new-board-name").fill("Doomed");
  await alice.getByTestId("new-board").click();
  await expect(alice.getByTestId("board-row")).toHaveCount(1);
  await bob.goto(server.url);
  await expect(bob.getByTestId("board-row")).toHaveCount(1);

  await alice.getByTestId("delete-board").click();
  // Nothing is deleted until the user confirms.
  await expect(alice.getByTestId("board-row")).toHaveCount(1);
  await alice.getByTestId("confirm-delete").click();
  await expect(alice.getByTestId("board-row")).toHaveCount(0);

  await bob.clock.fastForward(POLL_INTERVAL_MS);
  await expect(bob.getByTestId("board-row")).toHaveCount(0);
});

test("the editor and viewer routes load the app from the same server", async ({ page, server }) => {
  // The page's own request context carries its member cookie, as the gallery's fetch would.
  const created = await (await page.request.post(`${server.url}/api/boards`)).json();
  await page.goto(server.url);
  await expect(page.getByTestId("board-row")).toHaveCount(1);
  const href = await page.getByTestId("open-board").getAttribute("href");
  expect(href).toBe(`/b/${created.id}`);
  for (const route of [`/b/${created.id}`, `/v/${created.viewId}`]) {
    const response = await page.goto(server.url + route);
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Untitled board")).toBeVisible();
  }
});

test("copy view link puts the board's view-only URL, not its edit id, on the clipboard", async ({ browser, server }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const created = await (await page.request.post(`${server.url}/api/boards`)).json();
  await page.goto(server.url);
  await page.getByTestId("copy-view-link").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${server.url}/v/${created.viewId}`);
  expect(copied).not.toContain(created.id);
});

import type { Page } from "@playwright/test";
import { POLL_INTERVAL_MS } from "@whiteboard/shared";
import { expect, test } from "../fixtures.js";

/** Creates a board from the gallery's form (in the personal library) and waits for its row. */
async function createFromGallery(page: Page, name: string): Promise<void> {
  await page.getByTestId("new-board-name").first().fill(name);
  await page.getByTestId("new-board").first().click();
  await expect(page.getByTestId("board-row").filter({ hasText: name })).toHaveCount(1);
}

/** The ids of a row's board, read from its open link and the API it came from. */
async function rowLink(page: Page, name: string): Promise<string> {
  return (await page.getByTestId("board-row").filter({ hasText: name }).getByTestId("open-board").getAttribute("href"))!;
}

test("a board one browser creates is absent from another's gallery until it opens the view link, then it is listed view-only", async ({
  browser,
  server,
}) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await alice.goto(server.url);
  await createFromGallery(alice, "Alice's plan");
  const editHref = await rowLink(alice, "Alice's plan");
  expect(editHref).toMatch(/^\/b\/[A-Za-z0-9_-]{22}$/);
  const { viewId } = await (await alice.request.get(`${server.url}/api/boards/${editHref.slice(3)}`)).json();

  await bob.goto(server.url);
  await expect(bob.getByTestId("gallery-empty")).toBeVisible();
  await expect(bob.getByTestId("board-row")).toHaveCount(0);

  await bob.goto(`${server.url}/v/${viewId}`);
  await expect(bob.getByText("Alice's plan")).toBeVisible();
  await bob.goto(server.url);
  const row = bob.getByTestId("board-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("board-role")).toHaveText("View only");
  expect(await row.getByTestId("open-board").getAttribute("href")).toBe(`/v/${viewId}`);
  await expect(row.getByTestId("rename-board")).toHaveCount(0);
  await expect(row.getByTestId("delete-board")).toHaveCount(0);
  expect(await bob.content()).not.toContain(editHref.slice(3));
});

test("a shared library's invite link, opened in another browser, shows the team's boards, and new ones after the next poll", async ({
  browser,
  server,
}) => {
  const alice = await (await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] })).newPage();
  const bob = await (await browser.newContext()).newPage();
  await alice.goto(server.url);
  await alice.getByTestId("new-library-name").fill("Design team");
  await alice.getByTestId("new-library").click();
  const team = alice.getByTestId("library").filter({ has: alice.getByTestId("library-name").filter({ hasText: "Design team" }) });
  await expect(team).toHaveCount(1);
  await team.getByTestId("new-board-name").fill("Team roadmap");
  await team.getByTestId("new-board").click();
  await expect(team.getByTestId("board-row")).toHaveCount(1);
  await team.getByTestId("copy-invite").click();
  const invite = await alice.evaluate(() => navigator.clipboard.readText());
  expect(invite).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{22}$`));

  await bob.clock.install();
  await bob.goto(invite);
  await expect(bob.getByTestId("library-name").filter({ hasText: "Design team" })).toBeVisible();
  const bobsTeam = bob.getByTestId("library").filter({ has: bob.getByTestId("library-name").filter({ hasText: "Design team" }) });
  await expect(bobsTeam.getByTestId("board-row")).toHaveCount(1);
  await expect(bobsTeam.getByTestId("board-row")).toContainText("Team roadmap");

  await team.getByTestId("new-board-name").fill("Team retro");
  await team.getByTestId("new-board").click();
  await expect(team.getByTestId("board-row")).toHaveCount(2);
  await expect(bobsTeam.getByTestId("board-row")).toHaveCount(1);
  await bob.clock.fastForward(POLL_INTERVAL_MS);
  await expect(bobsTeam.getByTestId("board-row")).toHaveCount(2);
});

test("a deleted board waits in the trash and comes back with Restore", async ({ page, server }) => {
  await page.goto(server.url);
  await createFromGallery(page, "Not really done");
  const href = await rowLink(page, "Not really done");
  await page.getByTestId("delete-board").click();
  await page.getByTestId("confirm-delete").click();
  await expect(page.getByTestId("board-row")).toHaveCount(0);
  expect((await page.request.get(`${server.url}/api/boards/${href.slice(3)}`)).status()).toBe(404);

  await page.getByTestId("show-trash").first().click();
  const trashed = page.getByTestId("trash-row");
  await expect(trashed).toHaveCount(1);
  await expect(trashed).toContainText("Not really done");
  await trashed.getByTestId("restore-board").click();
  await expect(page.getByTestId("board-row").filter({ hasText: "Not really done" })).toHaveCount(1);
  expect((await page.request.get(`${server.url}/api/boards/${href.slice(3)}`)).status()).toBe(200);
  await page.getByTestId("open-board").click();
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
});

test("the CSP is enforced and nothing the app does in a whole editing session violates it", async ({ browser, server }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  // Listening from before any script runs, on every page of the context.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  const page = await context.newPage();
  const response = await page.goto(server.url);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await createFromGallery(page, "Under policy");
  await page.getByTestId("open-board").click();
  await expect(page.getByTestId("connection-status")).toHaveText("connected");

  // Draw a stroke, a rectangle and some text.
  await page.getByTestId("tool-pen").click();
  await page.mouse.move(300, 300);
  await page.mouse.down();
  await page.mouse.move(420, 360, { steps: 10 });
  await page.mouse.up();
  await page.getByTestId("tool-rect").click();
  await page.mouse.move(500, 300);
  await page.mouse.down();
  await page.mouse.move(600, 380, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId("tool-text").click();
  await page.mouse.click(350, 500);
  await page.keyboard.type("policy");
  await page.keyboard.press("Escape");

  // Both image exports, which go through blobs and a canvas.
  for (const item of ["export-png", "export-svg"]) {
    if ((await page.getByTestId("export-menu").getAttribute("aria-expanded")) !== "true") await page.getByTestId("export-menu").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(item).click()]);
    expect(await download.failure()).toBeNull();
  }

  // The viewer page too: EventSource and the same renderer.
  const { viewId } = await (await page.request.get(`${server.url}/api/boards/${page.url().split("/b/")[1]}`)).json();
  const viewer = await context.newPage();
  await viewer.goto(`${server.url}/v/${viewId}`);
  await expect(viewer.getByTestId("viewer-status")).toHaveText(/live/i);

  expect(await violations(page)).toEqual([]);
  expect(await violations(viewer)).toEqual([]);

  // And the policy is really on: an inline script is refused and reported.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.body.append(script);
  });
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});

test("on a 390 px phone screen, the gallery and the editor's top bar fit without overflowing", async ({ browser, server }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .filter((el) => {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && (box.left < -1 || box.right > width + 1);
        })
        .filter((el) => !el.closest("canvas, [data-offscreen]"))
        .map((el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}`);
      return { scrollWidth: document.documentElement.scrollWidth, width, outside };
    });

  await page.goto(server.url);
  await createFromGallery(page, "A board with a long name for a small phone screen");
  let measured = await overflow();
  expect(measured.scrollWidth).toBeLessThanOrEqual(390);
  expect(measured.outside).toEqual([]);

  await page.getByTestId("open-board").click();
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  measured = await overflow();
  expect(measured.scrollWidth).toBeLessThanOrEqual(390);
  const topBar = ["user-name-input", "connection-status", "share-menu", "board-title"];
  for (const id of topBar) {
    const box = await page.getByTestId(id).first().boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x, id).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(390);
  }
});

test("use on another device: the link opens a page that asks first, then that browser lists the same boards", async ({ browser, server }) => {
  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto(server.url);
  await createFromGallery(laptop, "On every device");
  await laptop.getByTestId("device-link").click();
  const link = await laptop.getByTestId("device-link-url").inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/device/[A-Za-z0-9_-]{22}$`));

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(link);
  // Nothing happens until the person says so.
  await expect(phone.getByTestId("device-page")).toBeVisible();
  expect((await phone.request.get(`${server.url}/api/library`).then((r) => r.json())).libraries[0].boards).toEqual([]);
  await phone.getByTestId("device-confirm").click();
  await expect(phone.getByTestId("join-status")).toBeVisible();
  await expect(phone.getByTestId("board-row")).toContainText("On every device");
  expect(new URL(phone.url()).pathname).toBe("/");

  // Used once: a third browser gets the not-found state.
  const third = await (await browser.newContext()).newPage();
  await third.goto(link);
  await third.getByTestId("device-confirm").click();
  await expect(third.getByTestId("device-status")).toHaveAttribute("data-state", "not-found");
});

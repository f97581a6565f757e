import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../fixtures.js";
import { createBoard, drawLine, editorElements } from "../board-helpers.js";
import type { Board } from "@whiteboard/shared";

const INK = "#0090ff";
const INK_RGB = [0x00, 0x90, 0xff];

async function openEditor(browser: Browser, url: string, boardId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/b/${boardId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  return page;
}

/** The board's elements as this page's doc holds them. */
/** The colour of one CSS pixel of the board canvas, as [r, g, b]. */
function canvasPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"]')!;
      const ratio = canvas.width / canvas.clientWidth;
      const data = canvas.getContext("2d")!.getImageData(Math.round(px! * ratio), Math.round(py! * ratio), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!];
    },
    [x, y],
  );
}

function isInk(rgb: number[]): boolean {
  return rgb.every((channel, i) => Math.abs(channel - INK_RGB[i]!) <= 8);
}

test("a stroke drawn in one tab reaches the other tab's doc and canvas, and is still there after a reload", async ({
  browser,
  server,
}) => {
  const board = await createBoard(server.url, "Sketches");
  const alice = await openEditor(browser, server.url, board.id);
  const bob = await openEditor(browser, server.url, board.id);

  // The boards API counts both open editors, and so does the gallery of Alice's browser, which
  // saved the board when she opened it.
  await expect
    .poll(async () => ((await (await fetch(`${server.url}/api/boards/${board.id}`)).json()) as Board).editors)
    .toBe(2);
  const gallery = await alice.context().newPage();
  await gallery.goto(server.url);
  await expect(gallery.getByTestId("board-presence")).toContainText("2 editing");
  await gallery.close();

  await alice.getByTestId("user-name-input").fill("Alice");
  await alice.getByTestId("tool-pen").click();
  await alice.getByTestId("color-picker").fill(INK);
  await alice.getByTestId("width-picker").fill("10");
  await drawLine(alice, { x: 300, y: 400 }, { x: 700, y: 400 });

  // Bob's doc holds one stroke with SPEC's fields.
  await expect.poll(async () => Object.keys(await editorElements(bob)).length).toBe(1);
  const [[id, stroke]] = Object.entries(await editorElements(bob)) as [[string, Record<string, unknown>]];
  expect(stroke).toMatchObject({ type: "stroke", x: 300, y: 400, color: INK, width: 10, createdBy: "Alice" });
  expect(typeof stroke.z).toBe("number");
  const points = stroke.points as number[];
  expect(points.length % 3).toBe(0);
  expect(points.length).toBeGreaterThanOrEqual(6);
  expect(points.slice(0, 3)).toEqual([0, 0, 0.5]);
  // Relative to x, y and whole board units at zoom 1: the last point is 400 to the right.
  expect(points.slice(-3, -1)).toEqual([400, 0]);
  expect(points.every((n) => Number.isFinite(n))).toBe(true);

  // ...and Bob's canvas shows it in Alice's ink, where she drew it.
  await expect.poll(async () => isInk(await canvasPixel(bob, 500, 400))).toBe(true);
  expect(isInk(await canvasPixel(bob, 500, 300))).toBe(false);

  // After a reload, the server gives Alice the stroke back.
  await alice.reload();
  await expect(alice.getByTestId("connection-status")).toHaveText("connected");
  await expect.poll(async () => Object.keys(await editorElements(alice))).toEqual([id]);
  await expect.poll(async () => isInk(await canvasPixel(alice, 500, 400))).toBe(true);
});

test("each editor sees the others' cursors with their names, and who is here", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Cursors");
  const alice = await openEditor(browser, server.url, board.id);
  const bob = await openEditor(browser, server.url, board.id);
  await bob.getByTestId("user-name-input").fill("Bob");

  // Nobody's pointer is on the board yet.
  await expect(alice.getByTestId("remote-cursor")).toHaveCount(0);

  await bob.mouse.move(600, 300);
  await bob.mouse.move(610, 320);
  const cursor = alice.getByTestId("remote-cursor");
  await expect(cursor).toHaveCount(1);
  await expect(cursor).toHaveText("Bob");
  await expect(alice.getByTestId("presence-list")).toContainText("Bob");
  // Both see the board at the same place, so the cursor tip lands where Bob's pointer is.
  await expect.poll(async () => (await cursor.boundingBox())?.x).toBeCloseTo(610, -1);

  // Bob never sees his own cursor as someone else's.
  await expect(bob.getByTestId("remote-cursor")).toHaveCount(0);

  // Pointer off the board (onto the toolbar): the cursor goes.
  await bob.getByTestId("tool-pen").hover();
  await expect(cursor).toHaveCount(0);

  // Bob's name is remembered in his browser.
  await bob.reload();
  await expect(bob.getByTestId("user-name-input")).toHaveValue("Bob");
});

test("strokes drawn while offline reach the others once back online", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Train ride");
  const alice = await openEditor(browser, server.url, board.id);
  const bob = await openEditor(browser, server.url, board.id);

  await alice.context().setOffline(true);
  await expect(alice.getByTestId("connection-status")).toContainText("offline");
  await alice.getByTestId("color-picker").fill(INK);
  await drawLine(alice, { x: 200, y: 500 }, { x: 400, y: 500 });
  expect(Object.keys(await editorElements(alice))).toHaveLength(1);
  expect(Object.keys(await editorElements(bob))).toHaveLength(0);

  await alice.context().setOffline(false);
  await expect(alice.getByTestId("connection-status")).toHaveText("connected");
  await expect.poll(async () => Object.keys(await editorElements(bob)).length).toBe(1);
  await expect.poll(async () => isInk(await canvasPixel(bob, 300, 500))).toBe(true);
});

test("an unknown board shows not found, and a board deleted while open says so", async ({ page, server }) => {
  await page.goto(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByTestId("editor-canvas")).toHaveCount(0);

  const board = await createBoard(server.url, "Short-lived");
  await page.goto(`${server.url}/b/${board.id}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  expect((await fetch(`${server.url}/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
  await expect(page.getByTestId("board-deleted")).toContainText("This board was deleted");
  await expect(page.getByTestId("editor-canvas")).toHaveCount(0);
});

test("the editor's share control copies the view-only link, never the edit link", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Shared");
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${server.url}/b/${board.id}`);
  await page.getByTestId("share-menu").click();
  await page.getByTestId("copy-view-link").click();
  await expect(page.getByTestId("copy-view-link")).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${server.url}/v/${board.viewId}`);
  expect(copied).not.toContain(board.id);
});

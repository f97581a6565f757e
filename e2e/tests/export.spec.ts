import fs from "node:fs";
import type { Browser, Page, WebSocketRoute } from "@playwright/test";
import { expect, test } from "../fixtures.js";
import { createBoard, drawLine, editorElements } from "../board-helpers.js";

interface StrokeJson {
  type: string;
  x: number;
  y: number;
  width: number;
  color: string;
  points: number[];
}

const INK = "#0090ff";
const INK_RGB = [0x00, 0x90, 0xff];
const PAPER_RGB = [0xfc, 0xfc, 0xfd];
/** The export menu's PNG scale and frame padding (client/src/export: `PNG_SCALE`, `EXPORT_PADDING`). */
const PNG_SCALE = 2;
const EXPORT_PADDING = 16;

async function openEditor(browser: Browser, url: string, boardId: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`${url}/b/${boardId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  return page;
}

/** Draws one stroke in `INK`, 10 wide, and returns it once the page's doc holds it. */
async function drawStroke(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<StrokeJson> {
  await page.getByTestId("tool-pen").click();
  await page.getByTestId("color-picker").fill(INK);
  await page.getByTestId("width-picker").fill("10");
  const before = new Set(Object.keys(await editorElements(page)));
  await drawLine(page, from, to);
  await expect.poll(async () => Object.keys(await editorElements(page)).length).toBe(before.size + 1);
  const [, stroke] = Object.entries(await editorElements(page)).find(([id]) => !before.has(id))!;
  return stroke as unknown as StrokeJson;
}

/** Clicks one of the export menu's buttons and returns the file it downloads. */
async function exportVia(page: Page, testId: string, saveAs: string): Promise<Buffer> {
  if ((await page.getByTestId("export-menu").getAttribute("aria-expanded")) !== "true") {
    await page.getByTestId("export-menu").click();
  }
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  await download.saveAs(saveAs);
  return fs.readFileSync(saveAs);
}

/** Decodes a PNG in the page, as any browser would, and reads its size and a few pixels (RGBA). */
function decodePng(page: Page, png: Buffer, probes: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ base64, probes }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels = probes.map(({ x, y }) => [...ctx.getImageData(x, y, 1, 1).data]);
      return { width: bitmap.width, height: bitmap.height, pixels };
    },
    { base64: png.toString("base64"), probes },
  );
}

function near(rgb: number[], expected: number[]): boolean {
  return expected.every((channel, i) => Math.abs(channel - rgb[i]!) <= 8);
}

/** The export frame of one horizontal stroke: its points' box, its width around it, then the padding. */
function strokeFrame(stroke: StrokeJson) {
  const xs = stroke.points.filter((_, i) => i % 3 === 0);
  const ys = stroke.points.filter((_, i) => i % 3 === 1);
  const minX = Math.floor(stroke.x + Math.min(...xs) - stroke.width - EXPORT_PADDING);
  const minY = Math.floor(stroke.y + Math.min(...ys) - stroke.width - EXPORT_PADDING);
  const maxX = Math.ceil(stroke.x + Math.max(...xs) + stroke.width + EXPORT_PADDING);
  const maxY = Math.ceil(stroke.y + Math.max(...ys) + stroke.width + EXPORT_PADDING);
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}

test("export downloads a PNG that decodes at the board's size and an SVG that holds its elements", async ({ browser, server }, testInfo) => {
  const board = await createBoard(server.url, "Export me");
  const page = await openEditor(browser, server.url, board.id);
  const stroke = await drawStroke(page, { x: 300, y: 400 }, { x: 700, y: 400 });
  const frame = strokeFrame(stroke);
  const inkAt = { x: (400 - frame.minX) * PNG_SCALE, y: (stroke.y - frame.minY) * PNG_SCALE };
  const cornerAt = { x: 2, y: 2 };

  const png = await exportVia(page, "export-png", testInfo.outputPath("board.png"));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const decoded = await decodePng(page, png, [inkAt, cornerAt]);
  expect({ width: decoded.width, height: decoded.height }).toEqual({
    width: frame.width * PNG_SCALE,
    height: frame.height * PNG_SCALE,
  });
  expect(near(decoded.pixels[0]!, INK_RGB)).toBe(true);
  expect(near(decoded.pixels[1]!, PAPER_RGB)).toBe(true);
  expect(decoded.pixels[1]![3]).toBe(255);

  // The same with a transparent background: ink on nothing.
  await page.getByTestId("export-transparent").check();
  const clear = await exportVia(page, "export-png", testInfo.outputPath("board-transparent.png"));
  const clearDecoded = await decodePng(page, clear, [inkAt, cornerAt]);
  expect(clearDecoded.width).toBe(decoded.width);
  expect(near(clearDecoded.pixels[0]!, INK_RGB)).toBe(true);
  expect(clearDecoded.pixels[1]![3]).toBe(0);
  await page.getByTestId("export-transparent").uncheck();

  const svg = (await exportVia(page, "export-svg", testInfo.outputPath("board.svg"))).toString("utf8");
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(`width="${frame.width}" height="${frame.height}"`);
  expect(svg.match(/<g data-type="stroke"/g)).toHaveLength(1);
  expect(svg).toMatch(new RegExp(`<path d="M[^"]+" fill="${INK}"/>`));
  // A browser opens it, at its size, and draws the ink where the board has it.
  const rendered = await page.evaluate(
    async ({ svg, inkAt }) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      await image.decode();
      const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(image, 0, 0);
      return { width: image.naturalWidth, height: image.naturalHeight, ink: [...ctx.getImageData(inkAt.x, inkAt.y, 1, 1).data] };
    },
    { svg, inkAt: { x: inkAt.x / PNG_SCALE, y: inkAt.y / PNG_SCALE } },
  );
  expect({ width: rendered.width, height: rendered.height }).toEqual({ width: frame.width, height: frame.height });
  expect(near(rendered.ink, INK_RGB)).toBe(true);
});

test("a board file saved from one board and opened twice into another duplicates its elements there", async ({
  browser,
  server,
}, testInfo) => {
  const source = await createBoard(server.url, "Source");
  const target = await createBoard(server.url, "Target");
  const alice = await openEditor(browser, server.url, source.id);
  const stroke = await drawStroke(alice, { x: 200, y: 300 }, { x: 500, y: 350 });

  const filePath = testInfo.outputPath("Source.json");
  const file = JSON.parse((await exportVia(alice, "export-json", filePath)).toString("utf8")) as {
    format: string;
    version: number;
    elements: StrokeJson[];
  };
  expect(file).toMatchObject({ format: "whiteboard", version: 1 });
  expect(file.elements).toHaveLength(1);
  expect(file.elements[0]).toMatchObject({ type: "stroke", x: stroke.x, y: stroke.y, color: INK, points: stroke.points });

  const bob = await openEditor(browser, server.url, target.id);
  const carol = await openEditor(browser, server.url, target.id);
  await bob.getByTestId("export-menu").click();
  await bob.getByTestId("import-json").setInputFiles(filePath);
  await expect(bob.getByTestId("export-status")).toHaveText("Added 1 element.");
  await bob.getByTestId("import-json").setInputFiles(filePath);

  // Two copies under two new ids, at Carol's too; the source board is untouched.
  await expect.poll(async () => Object.keys(await editorElements(carol)).length).toBe(2);
  const copies = Object.entries(await editorElements(carol)) as [string, unknown][];
  for (const [id, copy] of copies) {
    expect(Object.keys(await editorElements(alice))).not.toContain(id);
    expect(copy).toMatchObject({ type: "stroke", x: stroke.x, y: stroke.y, color: INK, points: stroke.points });
  }
  expect(Object.keys(await editorElements(alice))).toHaveLength(1);

  // A file that is not a board file is refused with a reason, and changes nothing.
  const junk = testInfo.outputPath("junk.json");
  fs.writeFileSync(junk, JSON.stringify({ hello: "world" }));
  await bob.getByTestId("import-json").setInputFiles(junk);
  await expect(bob.getByTestId("export-status")).toContainText("not a Whiteboard file");
  expect(Object.keys(await editorElements(bob))).toHaveLength(2);
});

/**
 * Cuts the page's board socket while `blocked` is set, and lets it through otherwise. Only the
 * socket: the page itself still loads from the server, which a reload needs (nothing caches it),
 * while the board can reach the page only from IndexedDB.
 */
async function socketSwitch(page: Page) {
  let blocked = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/ws\//, (ws) => {
    if (blocked) {
      void ws.close();
      return;
    }
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    async block() {
      blocked = true;
      for (const ws of open) await ws.close();
      open.clear();
    },
    unblock() {
      blocked = false;
    },
  };
}

/**
 * Waits until this page's IndexedDB copy of the board has taken every write queued so far: a
 * read-only transaction on its stores starts only after the read-write ones queued before it.
 * No copy, nothing to wait for (and opening one here would create it, empty, under the app).
 */
async function offlineCopySettled(page: Page, boardId: string): Promise<void> {
  await page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = Array.from(db.objectStoreNames);
    if (stores.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(stores, "readonly");
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    }
    db.close();
  }, `whiteboard-board:${boardId}`);
}

test("a stroke drawn offline survives a reload while still offline and reaches the others on reconnect", async ({
  browser,
  server,
}) => {
  const board = await createBoard(server.url, "Tunnel");
  const context = await browser.newContext();
  const alice = await context.newPage();
  const socket = await socketSwitch(alice);
  await alice.goto(`${server.url}/b/${board.id}`);
  await expect(alice.getByTestId("connection-status")).toHaveText("connected");
  const bob = await openEditor(browser, server.url, board.id);

  await socket.block();
  await expect(alice.getByTestId("connection-status")).not.toHaveText("connected");
  const stroke = await drawStroke(alice, { x: 250, y: 450 }, { x: 550, y: 500 });
  const [id] = Object.keys(await editorElements(alice));
  await offlineCopySettled(alice, board.id);
  expect(Object.keys(await editorElements(bob))).toHaveLength(0);

  // Reloaded with the socket still cut: the stroke can only come from this browser's copy.
  await alice.reload();
  await expect.poll(async () => Object.keys(await editorElements(alice))).toEqual([id]);
  expect((await editorElements(alice))[id!]).toMatchObject({ points: stroke.points });
  expect(Object.keys(await editorElements(bob))).toHaveLength(0);

  socket.unblock();
  await expect.poll(async () => Object.keys(await editorElements(bob)), { timeout: 20_000 }).toEqual([id]);
  expect((await editorElements(bob))[id!]).toMatchObject({ type: "stroke", color: INK, points: stroke.points });
  await expect(alice.getByTestId("connection-status")).toHaveText("connected");
});

test("a board this browser has opened opens again from its copy when reloaded offline", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Commute");
  const bob = await openEditor(browser, server.url, board.id);
  const stroke = await drawStroke(bob, { x: 300, y: 300 }, { x: 600, y: 380 });
  const [id] = Object.keys(await editorElements(bob));

  const alice = await (await browser.newContext()).newPage();
  const socket = await socketSwitch(alice);
  await alice.goto(`${server.url}/b/${board.id}`);
  // Bob's stroke reaches Alice in her first sync, which her copy keeps as received.
  await expect.poll(async () => Object.keys(await editorElements(alice))).toEqual([id]);
  await offlineCopySettled(alice, board.id);

  await socket.block();
  await alice.reload();
  await expect.poll(async () => Object.keys(await editorElements(alice))).toEqual([id]);
  expect((await editorElements(alice))[id!]).toMatchObject({ type: "stroke", points: stroke.points });
  await expect(alice.getByTestId("connection-status")).not.toHaveText("connected");
});

test("deleting a board removes this browser's offline copy of it", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Doomed");
  const page = await openEditor(browser, server.url, board.id);
  await drawStroke(page, { x: 300, y: 300 }, { x: 400, y: 300 });
  const copies = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name).filter((name) => name?.startsWith("whiteboard-board:")));
  await expect.poll(copies).toEqual([`whiteboard-board:${board.id}`]);

  expect((await fetch(`${server.url}/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
  await expect(page.getByTestId("board-deleted")).toBeVisible();
  await expect.poll(copies).toEqual([]);
});

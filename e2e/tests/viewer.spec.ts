import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../fixtures.js";
import { createBoard, drawLine, editorElements, viewerElements, type Elements } from "../board-helpers.js";
import type { Board } from "@whiteboard/shared";

const INK = "#0090ff";
const INK_RGB = [0x00, 0x90, 0xff];

async function openEditor(browser: Browser, url: string, boardId: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/b/${boardId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  await page.getByTestId("user-name-input").fill(name);
  await page.getByTestId("color-picker").fill(INK);
  await page.getByTestId("width-picker").fill("10");
  return page;
}

/** A viewer page in its own browser context, with every WebSocket it opens and every non-GET request it sends recorded. */
async function openViewer(browser: Browser, url: string, viewId: string) {
  const page = await (await browser.newContext()).newPage();
  const sockets: string[] = [];
  const sent: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  page.on("request", (request) => {
    if (request.method() !== "GET") sent.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`${url}/v/${viewId}`);
  await expect(page.getByTestId("viewer-status")).toHaveText("live");
  return { page, sockets, sent };
}

/** Whether one CSS pixel of the viewer's canvas is the test's ink. */
async function viewerShowsInk(page: Page, x: number, y: number): Promise<boolean> {
  const rgb = await page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="viewer-canvas"]')!;
      const ratio = canvas.width / canvas.clientWidth;
      const data = canvas.getContext("2d")!.getImageData(Math.round(px! * ratio), Math.round(py! * ratio), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!];
    },
    [x, y],
  );
  return rgb.every((channel, i) => Math.abs(channel - INK_RGB[i]!) <= 8);
}

test("a viewer watches a stroke being drawn and the editor's named cursor, with no tools and no WebSocket", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Live demo");
  const viewer = await openViewer(browser, server.url, board.viewId);
  await expect(viewer.page.getByTestId("board-title")).toHaveText("Live demo");
  await expect(viewer.page.getByTestId("viewer-count")).toHaveText("1 watching");

  const alice = await openEditor(browser, server.url, board.id, "Alice");
  await drawLine(alice, { x: 300, y: 400 }, { x: 700, y: 400 });

  // The viewer's doc gets the very stroke the editor wrote...
  await expect.poll(async () => Object.keys(await viewerElements(viewer.page)).length).toBe(1);
  await expect.poll(async () => viewerElements(viewer.page)).toEqual(await editorElements(alice));
  expect(Object.values(await viewerElements(viewer.page))[0]).toMatchObject({ type: "stroke", x: 300, y: 400, color: INK, createdBy: "Alice" });
  // ...and its canvas shows it where it was drawn, both pages starting at the same view.
  await expect.poll(() => viewerShowsInk(viewer.page, 500, 400)).toBe(true);
  expect(await viewerShowsInk(viewer.page, 500, 300)).toBe(false);

  await alice.mouse.move(600, 300);
  await alice.mouse.move(610, 320);
  const cursor = viewer.page.getByTestId("remote-cursor");
  await expect(cursor).toHaveCount(1);
  await expect(cursor).toHaveText("Alice");
  await expect.poll(async () => (await cursor.boundingBox())?.x).toBeCloseTo(610, -1);

  // Alice's pointer leaves the board: her cursor goes from the viewer too.
  await alice.getByTestId("tool-pen").hover();
  await expect(cursor).toHaveCount(0);

  // Nothing to draw with, and nothing sent but the one request that saves the board in this
  // browser's library (as a view entry): the feed is one way.
  await expect(viewer.page.getByRole("toolbar")).toHaveCount(0);
  await expect(viewer.page.getByTestId("tool-pen")).toHaveCount(0);
  await expect(viewer.page.getByTestId("color-picker")).toHaveCount(0);
  expect(viewer.sockets).toEqual([]);
  expect(viewer.sent).toEqual([`PUT ${server.url}/api/library/boards/${board.viewId}`]);
});

test("the watching count follows viewers as they come and go", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Audience");
  const first = await openViewer(browser, server.url, board.viewId);
  await expect(first.page.getByTestId("viewer-count")).toHaveText("1 watching");
  const second = await openViewer(browser, server.url, board.viewId);
  await expect(second.page.getByTestId("viewer-count")).toHaveText("2 watching");
  await expect(first.page.getByTestId("viewer-count")).toHaveText("2 watching");
  await second.page.close();
  await expect(first.page.getByTestId("viewer-count")).toHaveText("1 watching");
});

test("dragging pans the viewer's view and the zoom keys and ctrl+wheel zoom it, without touching the board", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Map");
  const viewer = await openViewer(browser, server.url, board.viewId);
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  await drawLine(alice, { x: 300, y: 400 }, { x: 700, y: 400 });
  await expect.poll(() => viewerShowsInk(viewer.page, 500, 400)).toBe(true);
  const drawn = await editorElements(alice);

  // Grabbed below the stroke and dragged down 100 px: the stroke follows.
  await drawLine(viewer.page, { x: 500, y: 600 }, { x: 500, y: 700 });
  await expect.poll(() => viewerShowsInk(viewer.page, 500, 500)).toBe(true);
  expect(await viewerShowsInk(viewer.page, 500, 400)).toBe(false);

  const zoom = viewer.page.getByTestId("zoom-reset");
  await expect(zoom).toHaveText("100%");
  for (let i = 0; i < 4; i++) await viewer.page.keyboard.press("+");
  await expect(zoom).toHaveText("200%");
  await viewer.page.keyboard.press("0");
  await expect(zoom).toHaveText("100%");
  await viewer.page.mouse.move(640, 400);
  await viewer.page.keyboard.down("Control");
  await viewer.page.mouse.wheel(0, -200);
  await viewer.page.keyboard.up("Control");
  await expect.poll(async () => parseInt((await zoom.textContent()) ?? "", 10)).toBeGreaterThan(100);

  // The drag drew nothing: the board is as Alice left it.
  expect(await editorElements(alice)).toEqual(drawn);
  expect(await viewerElements(viewer.page)).toEqual(drawn);
});

test("an unknown view link shows Board not found and opens no feed", async ({ page, server }) => {
  const feeds: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/events")) feeds.push(request.url());
  });
  await page.goto(`${server.url}/v/AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByTestId("not-found")).toContainText("Board not found");
  await expect(page.getByTestId("viewer-canvas")).toHaveCount(0);
  expect(feeds).toEqual([]);
});

test("a board deleted while watched gives the viewer the deleted page", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Short-lived");
  const viewer = await openViewer(browser, server.url, board.viewId);
  expect((await fetch(`${server.url}/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
  await expect(viewer.page.getByTestId("board-deleted")).toContainText("This board was deleted");
  await expect(viewer.page.getByTestId("viewer-canvas")).toHaveCount(0);
});

// This test restarts the server on the same address, which the page must find again: a fixed
// port, since the fixture's server picks a new free port each start.
const RESTART_PORT = 3271;
const SERVER_MAIN = fileURLToPath(new URL("../../server/dist/main.js", import.meta.url));

/** The built server on `RESTART_PORT`, as `npm start` runs it; resolves once it logs `listening on`. */
async function startOnFixedPort(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, PORT: String(RESTART_PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the server did not log `listening on` in time")), 20_000);
      child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
      readline.createInterface({ input: child.stdout! }).on("line", (line) => {
        if (line.includes("listening on")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (error) {
    // A server that never came up must not outlive the test holding the port.
    await crash(child);
    throw error;
  }
  return child;
}

/** A crash, not a shutdown: no goodbye to any client, nothing flushed beyond what was already stored. */
async function crash(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

test("a viewer recovers by itself after the server is killed and restarted", async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wb-e2e-restart-"));
  const url = `http://127.0.0.1:${RESTART_PORT}`;
  let server: ChildProcess | undefined;
  try {
    server = await startOnFixedPort(dataDir);
    const board = await createBoard(url, "Survivor");
    const viewer = await openViewer(browser, url, board.viewId);
    const before = await openEditor(browser, url, board.id, "Alice");
    await drawLine(before, { x: 300, y: 300 }, { x: 700, y: 300 });
    await expect.poll(() => viewerShowsInk(viewer.page, 500, 300)).toBe(true);
    await before.close();

    await crash(server);
    await expect(viewer.page.getByTestId("viewer-status")).toContainText("reconnecting");
    server = await startOnFixedPort(dataDir);
    await expect(viewer.page.getByTestId("viewer-status")).toHaveText("live");

    const after = await openEditor(browser, url, board.id, "Bob");
    await drawLine(after, { x: 300, y: 500 }, { x: 700, y: 500 });
    await expect.poll(async () => Object.keys(await viewerElements(viewer.page)).length).toBe(2);
    await expect.poll(() => viewerShowsInk(viewer.page, 500, 500)).toBe(true);
    expect(await viewerShowsInk(viewer.page, 500, 300)).toBe(true);
    expect(viewer.sockets).toEqual([]);
  } finally {
    if (server) await crash(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

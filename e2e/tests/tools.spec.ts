import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures.js";
import { createBoard, editorElements, viewerElements, type Elements } from "../board-helpers.js";

/** What the test hooks let a test read (client/src/editor/test-hook.ts, client/src/viewer/test-hook.ts). */
interface HookWindow {
  __whiteboard?: {
    doc: { getMap(name: string): { toJSON(): Elements } };
    viewport?: () => { x: number; y: number; zoom: number };
    selection?: () => readonly string[];
  };
}

async function openEditor(context: BrowserContext | Browser, url: string, boardId: string, name: string): Promise<Page> {
  const page = await ("newContext" in context ? await context.newContext() : context).newPage();
  await page.goto(`${url}/b/${boardId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  await page.getByTestId("user-name-input").fill(name);
  // Leave the name field, so the keys that follow reach the board.
  await page.getByTestId("user-name-input").press("Enter");
  return page;
}

async function openViewer(browser: Browser, url: string, viewId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/v/${viewId}`);
  await expect(page.getByTestId("viewer-status")).toHaveText("live");
  return page;
}

function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => (window as unknown as HookWindow).__whiteboard!.viewport!());
}

function selectionOf(page: Page): Promise<readonly string[]> {
  return page.evaluate(() => (window as unknown as HookWindow).__whiteboard!.selection!());
}

/** The elements sorted by paint order, without their ids (which are random). */
function byZ(elements: Elements): Record<string, unknown>[] {
  return Object.values(elements).sort((a, b) => (a.z as number) - (b.z as number));
}

async function drag(page: Page, from: [number, number], to: [number, number], steps = 12): Promise<void> {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move(to[0], to[1], { steps });
  await page.mouse.up();
}

test("every tool drawn with the mouse writes SPEC's element, which the other editor and a viewer receive", async ({ browser, server }) => {
  const board = await createBoard(server.url, "All the tools");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");
  const viewer = await openViewer(browser, server.url, board.viewId);

  // Everything right of the style panel, which floats over the board's left edge.
  await alice.keyboard.press("p");
  await drag(alice, [300, 200], [400, 240]);
  await alice.keyboard.press("r");
  await drag(alice, [450, 200], [570, 280]);
  await alice.keyboard.press("o");
  await alice.locator('[title="#c2e5ff"]').click();
  await drag(alice, [650, 200], [750, 300]);
  await alice.keyboard.press("l");
  await drag(alice, [300, 400], [450, 450]);
  await alice.keyboard.press("a");
  await drag(alice, [500, 400], [660, 400]);
  await alice.keyboard.press("t");
  await alice.mouse.click(700, 450);
  await alice.keyboard.type("Hi Bob");
  await alice.keyboard.press("Escape");

  const expected = [
    { type: "stroke", x: 300, y: 200, color: "#1b1b1f", width: 4, createdBy: "Alice" },
    { type: "rect", x: 450, y: 200, w: 120, h: 80, color: "#1b1b1f", width: 2, createdBy: "Alice" },
    { type: "ellipse", x: 650, y: 200, w: 100, h: 100, fill: "#c2e5ff", color: "#1b1b1f", width: 2, createdBy: "Alice" },
    { type: "line", x: 300, y: 400, points: [0, 0, 150, 50], color: "#1b1b1f", width: 2, createdBy: "Alice" },
    { type: "arrow", x: 500, y: 400, points: [0, 0, 160, 0], color: "#1b1b1f", width: 2, createdBy: "Alice" },
    { type: "text", x: 700, y: 435, text: "Hi Bob", fontSize: 24, width: 0, color: "#1b1b1f", createdBy: "Alice" },
  ];
  for (const page of [bob, viewer]) {
    const read = page === viewer ? viewerElements : editorElements;
    await expect.poll(async () => byZ(await read(page)).length).toBe(6);
    const elements = byZ(await read(page));
    elements.forEach((element, i) => expect(element).toMatchObject(expected[i]!));
    expect(elements.map((e) => e.z)).toEqual([0, 1, 2, 3, 4, 5]);
    // The stroke's points: whole triples relative to its origin, ending 100 right and 40 down.
    const points = elements[0]!.points as number[];
    expect(points.length % 3).toBe(0);
    expect(points.slice(0, 3)).toEqual([0, 0, 0.5]);
    expect(points.slice(-3, -1)).toEqual([100, 40]);
    // Nothing but SPEC's fields: no fill on the unfilled rectangle, no opacity at 100%.
    expect(elements[1]).not.toHaveProperty("fill");
    expect(elements[1]).not.toHaveProperty("opacity");
  }
});

test("keyboard shortcuts switch tools, Esc goes back to select, ? opens the help", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Keys");
  const page = await openEditor(browser, server.url, board.id, "Kim");
  const keys: [string, string][] = [
    ["v", "select"],
    ["h", "hand"],
    ["p", "pen"],
    ["r", "rect"],
    ["o", "ellipse"],
    ["l", "line"],
    ["a", "arrow"],
    ["t", "text"],
    ["e", "eraser"],
    ["k", "laser"],
  ];
  for (const [key, tool] of keys) {
    await page.keyboard.press(key);
    await expect(page.getByTestId(`tool-${tool}`)).toHaveAttribute("aria-pressed", "true");
  }
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("tool-select")).toHaveAttribute("aria-pressed", "true");

  await page.keyboard.press("Shift+?");
  await expect(page.getByTestId("help-panel")).toBeVisible();
  await expect(page.getByTestId("help-panel")).toContainText("Zoom to fit everything");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("help-panel")).toBeHidden();

  // Typing in the name field is typing, not switching tools.
  await page.getByTestId("user-name-input").fill("Kim r");
  await expect(page.getByTestId("tool-select")).toHaveAttribute("aria-pressed", "true");
});

test("undo by one editor takes back only their own stroke, never the other's", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Undo");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");

  await drag(alice, [200, 300], [400, 300]);
  await expect.poll(async () => Object.keys(await editorElements(bob)).length).toBe(1);
  await drag(bob, [200, 500], [400, 500]);
  await expect.poll(async () => Object.keys(await editorElements(alice)).length).toBe(2);

  await alice.keyboard.press("Control+z");
  await expect.poll(async () => byZ(await editorElements(bob)).map((e) => e.createdBy)).toEqual(["Bob"]);
  // Again: Alice has nothing left to undo, and Bob's stroke is not hers to take back.
  await alice.keyboard.press("Control+z");
  await expect(alice.getByTestId("undo")).toBeDisabled();
  await expect.poll(async () => byZ(await editorElements(alice)).map((e) => e.createdBy)).toEqual(["Bob"]);

  await alice.keyboard.press("Control+Shift+z");
  await expect.poll(async () => byZ(await editorElements(bob)).map((e) => e.createdBy).sort()).toEqual(["Alice", "Bob"]);
  await alice.keyboard.press("Control+z");
  await alice.keyboard.press("Control+y");
  await expect.poll(async () => Object.keys(await editorElements(bob)).length).toBe(2);
});

test("select, move by drag and arrow keys, resize and delete, seen by the other editor", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Select");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");
  await alice.keyboard.press("r");
  await drag(alice, [300, 300], [400, 360]);
  await alice.keyboard.press("v");

  await alice.mouse.click(300, 330);
  await expect.poll(async () => (await selectionOf(alice)).length).toBe(1);
  const [id] = await selectionOf(alice);
  await drag(alice, [300, 330], [350, 370]);
  await expect.poll(async () => (await editorElements(bob))[id!]).toMatchObject({ x: 350, y: 340, w: 100, h: 60 });

  await alice.keyboard.press("ArrowRight");
  await alice.keyboard.press("Shift+ArrowDown");
  await expect.poll(async () => (await editorElements(bob))[id!]).toMatchObject({ x: 351, y: 350 });

  // The bottom-right handle sits 6 px outside the rectangle's ink: drag it 50 px right and down.
  await drag(alice, [451 + 1 + 6, 410 + 1 + 6], [508, 467]);
  await expect.poll(async () => (await editorElements(bob))[id!]).toMatchObject({ x: 351, y: 350, w: 150, h: 110 });

  // One undo takes back the whole resize.
  await alice.keyboard.press("Control+z");
  await expect.poll(async () => (await editorElements(bob))[id!]).toMatchObject({ w: 100, h: 60 });

  await alice.keyboard.press("Delete");
  await expect.poll(async () => Object.keys(await editorElements(bob)).length).toBe(0);
});

test("the rotation handle turns a shape about its centre, for the other editor and a viewer too, and undo turns it back", async ({
  browser,
  server,
}) => {
  const board = await createBoard(server.url, "Turn");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");
  const viewer = await openViewer(browser, server.url, board.viewId);
  await alice.keyboard.press("r");
  await drag(alice, [300, 300], [400, 360]);
  await alice.keyboard.press("v");
  await alice.mouse.click(300, 330);
  await expect.poll(async () => (await selectionOf(alice)).length).toBe(1);
  const [id] = await selectionOf(alice);

  // The handle is on a stem 22 px above the outline (6 px outside the ink), over the middle:
  // from there round to straight right of the centre (350, 330) is a quarter turn.
  await drag(alice, [350, 300 - 1 - 6 - 22], [450, 330], 16);
  const turned = async (page: Page, elements: (page: Page) => Promise<Elements>) => ((await elements(page))[id!]?.rotation as number | undefined) ?? 0;
  await expect.poll(() => turned(bob, editorElements)).toBeCloseTo(Math.PI / 2, 1);
  await expect.poll(() => turned(viewer, viewerElements)).toBeCloseTo(Math.PI / 2, 1);
  expect((await editorElements(bob))[id!]).toMatchObject({ x: 300, y: 300, w: 100, h: 60 });

  await alice.keyboard.press("Control+z");
  await expect.poll(() => turned(bob, editorElements)).toBe(0);
});

test("the style panel shows the selection's style and follows it when another editor restyles it", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Restyle");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");
  await alice.keyboard.press("r");
  await drag(alice, [300, 300], [400, 360]);
  await alice.keyboard.press("v");
  await alice.mouse.click(300, 330);
  await expect.poll(async () => (await selectionOf(alice)).length).toBe(1);
  const [id] = await selectionOf(alice);

  await alice.getByTestId("width-picker").fill("6");
  await expect.poll(async () => (await editorElements(bob))[id!]?.width).toBe(6);
  await expect(alice.getByTestId("width-picker")).toHaveValue("6");

  // Bob recolours the same rectangle: Alice's panel, still on her selection, shows his colour.
  await expect.poll(async () => Object.keys(await editorElements(bob))).toContain(id);
  await bob.keyboard.press("v");
  await bob.mouse.click(300, 330);
  await expect.poll(async () => (await selectionOf(bob)).length).toBe(1);
  await bob.locator('[data-testid="style-panel"] [title="#e5484d"]').click();
  await expect(alice.locator('[data-testid="style-panel"] [title="#e5484d"]')).toHaveAttribute("aria-pressed", "true");
  await expect(alice.locator('[data-testid="style-panel"] [title="#1b1b1f"]')).toHaveAttribute("aria-pressed", "false");
});

test("the eraser removes whole elements it touches, in one undoable step", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Eraser");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  await drag(alice, [200, 300], [500, 300]);
  await drag(alice, [200, 400], [500, 400]);
  await drag(alice, [200, 600], [500, 600]);
  await alice.keyboard.press("e");
  await drag(alice, [350, 250], [350, 450], 20);
  await expect.poll(async () => byZ(await editorElements(alice)).map((e) => e.y)).toEqual([600]);
  await alice.keyboard.press("Control+z");
  await expect.poll(async () => Object.keys(await editorElements(alice)).length).toBe(3);
});

test("copy in one board and paste in another through the system clipboard, with new ids", async ({ browser, server }) => {
  const first = await createBoard(server.url, "From");
  const second = await createBoard(server.url, "To");
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const from = await openEditor(context, server.url, first.id, "Alice");
  await from.keyboard.press("o");
  await drag(from, [300, 300], [400, 380]);
  await from.keyboard.press("p");
  await drag(from, [300, 450], [420, 470]);
  await from.keyboard.press("v");
  await from.keyboard.press("Control+a");
  await from.keyboard.press("Control+c");
  const sourceIds = Object.keys(await editorElements(from));

  const to = await openEditor(context, server.url, second.id, "Alice");
  const watcher = await openEditor(browser, server.url, second.id, "Bob");
  await to.mouse.move(640, 400);
  await to.keyboard.press("Control+v");
  await expect.poll(async () => Object.keys(await editorElements(watcher)).length).toBe(2);
  const pasted = await editorElements(watcher);
  expect(Object.keys(pasted).some((id) => sourceIds.includes(id))).toBe(false);
  expect(byZ(pasted).map((e) => e.type)).toEqual(["ellipse", "stroke"]);
  expect(byZ(pasted)[0]).toMatchObject({ w: 100, h: 80 });

  // Pasting again duplicates rather than overwrites; the first board is untouched.
  await to.keyboard.press("Control+v");
  await expect.poll(async () => Object.keys(await editorElements(watcher)).length).toBe(4);
  expect(Object.keys(await editorElements(from))).toHaveLength(2);
});

test("following an editor moves the follower's view as the leader pans, until the follower pans", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Follow");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");

  await bob.getByTestId("presence-user").filter({ hasText: "Alice" }).click();
  await expect(bob.getByTestId("following-banner")).toContainText("Following Alice");

  // Alice pans with the hand tool.
  await alice.keyboard.press("h");
  await drag(alice, [600, 400], [400, 300]);
  await expect.poll(async () => viewportOf(alice)).toEqual({ x: 200, y: 100, zoom: 1 });
  await expect.poll(async () => viewportOf(bob)).toEqual({ x: 200, y: 100, zoom: 1 });
  await alice.keyboard.press("+");
  await expect.poll(async () => (await viewportOf(bob)).zoom).toBeGreaterThan(1);

  // Bob's own pan ends following.
  await bob.mouse.move(640, 400);
  await bob.mouse.wheel(0, 100);
  await expect(bob.getByTestId("following-banner")).toHaveCount(0);
  const bobView = await viewportOf(bob);
  await drag(alice, [600, 400], [500, 400]);
  await expect.poll(async () => (await viewportOf(alice)).x).not.toBe(200);
  expect(await viewportOf(bob)).toEqual(bobView);
});

test("zoom with + and -, Shift+1 to fit, Shift+0 back to 100%, and the zoom level is shown", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Zoom");
  const page = await openEditor(browser, server.url, board.id, "Zed");
  const level = page.getByTestId("zoom-reset");
  await expect(level).toHaveText("100%");
  for (let i = 0; i < 4; i++) await page.keyboard.press("-");
  await expect(level).toHaveText("50%");
  // At 50% a rectangle across the screen is twice the screen's size on the board.
  await page.keyboard.press("r");
  await drag(page, [320, 120], [1200, 700]);
  await page.keyboard.press("Shift+Digit0");
  await expect(level).toHaveText("100%");
  await page.keyboard.press("+");
  await expect(level).toHaveText("119%");
  await page.keyboard.press("Shift+Digit1");
  await expect.poll(async () => (await viewportOf(page)).zoom).toBeLessThan(0.8);
  await expect(level).not.toHaveText("100%");
  await level.click();
  await expect(level).toHaveText("100%");
});

test("on a touch screen one finger draws and two fingers pan and pinch-zoom without drawing", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Touch");
  const context = await browser.newContext({ hasTouch: true });
  const page = await openEditor(context, server.url, board.id, "Tia");
  // Playwright's touchscreen taps with one finger only; the DevTools protocol has multi-touch.
  const cdp = await context.newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: [number, number][]) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

  await touch("touchStart", [[400, 400]]);
  for (let i = 1; i <= 10; i++) await touch("touchMove", [[400 + i * 20, 400]]);
  await touch("touchEnd", []);
  await expect.poll(async () => byZ(await editorElements(page)).map((e) => e.type)).toEqual(["stroke"]);

  // Two fingers 200 px apart spread to 400 px: the view zooms to 200% and nothing is drawn.
  await touch("touchStart", [[500, 500]]);
  await touch("touchStart", [[500, 500], [700, 500]]);
  for (let i = 1; i <= 10; i++) await touch("touchMove", [[500 - i * 10, 500], [700 + i * 10, 500]]);
  await touch("touchEnd", []);
  await expect.poll(async () => (await viewportOf(page)).zoom).toBe(2);
  expect(Object.keys(await editorElements(page))).toHaveLength(1);
});

test("two editors type into the same text element and both keep their words", async ({ browser, server }) => {
  const board = await createBoard(server.url, "Co-writing");
  const alice = await openEditor(browser, server.url, board.id, "Alice");
  const bob = await openEditor(browser, server.url, board.id, "Bob");
  await alice.keyboard.press("t");
  await alice.mouse.click(500, 400);
  await alice.keyboard.type("Hello");
  await expect.poll(async () => byZ(await editorElements(bob)).map((e) => e.text)).toEqual(["Hello"]);

  // Bob opens it with a double-click while Alice is still typing in it.
  await bob.keyboard.press("v");
  await bob.mouse.dblclick(510, 400);
  await expect(bob.getByTestId("text-editor")).toBeFocused();
  await bob.keyboard.press("Home");
  await bob.keyboard.type(">> ");
  await alice.keyboard.type(" world");
  const both = ">> Hello world";
  await expect.poll(async () => byZ(await editorElements(alice)).map((e) => e.text)).toEqual([both]);
  await expect.poll(async () => byZ(await editorElements(bob)).map((e) => e.text)).toEqual([both]);
  await expect(alice.getByTestId("text-editor")).toHaveValue(both);
  await expect(bob.getByTestId("text-editor")).toHaveValue(both);
  expect(Object.keys(await editorElements(bob))).toHaveLength(1);
});

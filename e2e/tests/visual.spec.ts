import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures.js";

/**
 * Visual regression of the board renderer: a board holding every element type SPEC defines
 * (and the optional fields, rotation and opacity) is drawn in light and in dark mode, saved as
 * a test artifact, and compared with the committed baseline in visual.spec.ts-snapshots/.
 * Regenerate the baselines, once a rendering change is intended, with
 *   pnpm --filter @whiteboard/e2e exec playwright test visual --update-snapshots
 */

/** An element as SPEC stores it; `points` become a Y.Array and `text` a Y.Text. */
type Fields = Record<string, unknown>;

const ELEMENTS: [string, Fields][] = [
  ["a-stroke-pen", { type: "stroke", x: 80, y: 110, color: "#1b1b1f", width: 6, points: handwriting(0) }],
  ["b-stroke-blue", { type: "stroke", x: 80, y: 200, color: "#0090ff", width: 4, points: handwriting(1) }],
  ["c-stroke-black", { type: "stroke", x: 80, y: 640, color: "#000000", width: 10, points: handwriting(2) }],
  ["d-rect", { type: "rect", x: 440, y: 70, w: 200, h: 120, color: "#e5484d", width: 3 }],
  ["e-rect-filled", { type: "rect", x: 690, y: 70, w: 200, h: 120, color: "#1b1b1f", width: 2, fill: "#ffc9c9" }],
  ["f-ellipse", { type: "ellipse", x: 940, y: 60, w: 240, h: 140, color: "#30a46c", width: 4 }],
  ["g-ellipse-filled", { type: "ellipse", x: 960, y: 300, w: 200, h: 200, color: "#8e4ec6", width: 3, fill: "#e5dbff" }],
  ["h-line", { type: "line", x: 80, y: 320, color: "#8e4ec6", width: 4, points: [0, 0, 260, 70] }],
  ["i-arrow", { type: "arrow", x: 420, y: 420, color: "#f76b15", width: 3, points: [0, 0, 140, -80, 300, 20] }],
  ["j-text", { type: "text", x: 440, y: 250, color: "#1b1b1f", width: 1, fontSize: 28, text: "Hello, whiteboard\nsecond line" }],
  ["k-rect-rotated", { type: "rect", x: 120, y: 450, w: 180, h: 100, color: "#0090ff", width: 3, fill: "#d0ebff", rotation: 0.4 }],
  ["l-ellipse-translucent", { type: "ellipse", x: 560, y: 470, w: 260, h: 170, color: "#e5484d", width: 0, fill: "#e5484d", opacity: 0.4 }],
  ["m-stroke-over", { type: "stroke", x: 540, y: 560, color: "#30a46c", width: 8, points: handwriting(3), opacity: 0.7 }],
  ["n-text-rotated", { type: "text", x: 860, y: 680, color: "#e5484d", width: 1, fontSize: 40, text: "Rotated", rotation: -0.25 }],
  ["o-unreadable-colour", { type: "rect", x: 1020, y: 560, w: 160, h: 60, color: "not-a-colour", width: 4 }],
];
/** Written too, and must be skipped without breaking the rest. */
const MALFORMED: [string, Fields][] = [
  ["p-unknown-type", { type: "hologram", x: 0, y: 0, color: "#000", width: 1 }],
  ["q-bad-field", { type: "rect", x: "left", y: 0, w: 10, h: 10, color: "#000", width: 1 }],
];

/** Cursive-looking points, integers relative to the stroke's origin, pressure in 1/64 steps. */
function handwriting(seed: number): number[] {
  const points: number[] = [];
  for (let i = 0; i < 90; i++) {
    const t = i / 89;
    const angle = t * (4 + seed) * Math.PI * 2;
    const y = Math.round(-14 * (1 - Math.cos(angle)) + Math.sin(t * 7 + seed) * 6);
    const x = Math.round(t * 280 + 12 * Math.sin(angle) - y * 0.3);
    points.push(x, y, Math.round((0.3 + 0.5 * Math.sin(Math.PI * t)) * 64) / 64);
  }
  return points;
}

interface HookWindow {
  __whiteboard?: { doc: unknown };
  __whiteboardRender?: { elements: number; fullyDrawn: boolean; framesDrawn: number };
}

/** Writes the elements through the editor's own doc (its provider sends them to the server). */
async function writeBoard(page: Page, elements: [string, Fields][]): Promise<void> {
  await page.evaluate((all) => {
    interface YDocLike {
      transact(fn: () => void): void;
      getMap(name: string): { set(key: string, value: unknown): void; constructor: new () => { set(key: string, value: unknown): void } };
      getArray(name: string): { constructor: new () => { push(values: number[]): void } };
      getText(name: string): { constructor: new () => { insert(index: number, text: string): void } };
      constructor: new () => YDocLike;
    }
    const doc = (window as unknown as { __whiteboard: { doc: YDocLike } }).__whiteboard.doc;
    const elements = doc.getMap("elements");
    // The page's own Yjs classes, reached through instances: the test cannot import the app's copy.
    const scratch = new doc.constructor();
    const YMap = elements.constructor;
    const YArray = scratch.getArray("a").constructor;
    const YText = scratch.getText("t").constructor;
    doc.transact(() => {
      all.forEach(([id, fields], z) => {
        const map = new YMap();
        for (const [key, value] of Object.entries(fields)) {
          if (key === "points") {
            const points = new YArray();
            points.push(value as number[]);
            map.set(key, points);
          } else if (key === "text") {
            const text = new YText();
            text.insert(0, value as string);
            map.set(key, text);
          } else {
            map.set(key, value);
          }
        }
        map.set("z", z);
        map.set("createdBy", "visual test");
        elements.set(id, map);
      });
    });
  }, elements);
}

for (const scheme of ["light", "dark"] as const) {
  test(`a board with every element type draws as its baseline in ${scheme} mode`, async ({ browser, server }, testInfo) => {
    const response = await fetch(`${server.url}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `Every element (${scheme})` }),
    });
    const { id } = (await response.json()) as { id: string };
    // bypassCSP: the test hides the chrome with a style tag of its own, which the app's policy refuses.
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/b/${id}`);
    await expect(page.getByTestId("connection-status")).toHaveText("connected");

    await writeBoard(page, [...ELEMENTS, ...MALFORMED]);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HookWindow).__whiteboardRender ?? null))
      .toMatchObject({ elements: ELEMENTS.length, fullyDrawn: true });

    // Only the canvas: the editor's chrome (toolbars, cursors, badges) floats over it and changes
    // for reasons of its own. Hidden, not removed, so nothing reflows.
    await page.addStyleTag({
      content: 'body * { visibility: hidden !important; } [data-testid="editor-canvas"] { visibility: visible !important; }',
    });
    const canvas = page.getByTestId("editor-canvas");
    const shot = testInfo.outputPath(`every-element-${scheme}.png`);
    await canvas.screenshot({ path: shot });
    await testInfo.attach(`every element, ${scheme}`, { path: shot, contentType: "image/png" });

    // A little slack: anti-aliasing and text rasterisation may differ by a pixel here and there.
    await expect(canvas).toHaveScreenshot(`every-element-${scheme}.png`, { maxDiffPixelRatio: 0.01 });
    await context.close();
  });
}

test("a dark scheme chosen with the toggle is kept over a light system, and the board is drawn dark", async ({ browser, server }) => {
  const response = await fetch(`${server.url}/api/boards`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const { id } = (await response.json()) as { id: string };
  const context = await browser.newContext({ colorScheme: "light" });
  // What the toggle stores (client/src/canvas/color-scheme.ts): the next page load honours it.
  await context.addInitScript(() => window.localStorage.setItem("whiteboard.colorScheme", "dark"));
  const page = await context.newPage();
  await page.goto(`${server.url}/b/${id}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await expect
    .poll(() => page.evaluate(() => (window as unknown as HookWindow).__whiteboardRender?.fullyDrawn ?? false))
    .toBe(true);
  // The paper between the dots, well away from the editor's bars.
  const paper = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"]')!;
    const ratio = canvas.width / canvas.clientWidth;
    return [...canvas.getContext("2d")!.getImageData(Math.round(400 * ratio), Math.round(413 * ratio), 1, 1).data].slice(0, 3);
  });
  expect(Math.max(...paper)).toBeLessThan(60);
  await context.close();
});

test("a board at rest draws no frames, and one change draws it again", async ({ browser, server }) => {
  const response = await fetch(`${server.url}/api/boards`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const { id } = (await response.json()) as { id: string };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/b/${id}`);
  await expect(page.getByTestId("connection-status")).toHaveText("connected");
  await writeBoard(page, ELEMENTS.slice(0, 4));
  const stats = () => page.evaluate(() => ({ ...(window as unknown as HookWindow).__whiteboardRender! }));
  await expect.poll(stats).toMatchObject({ elements: 4, fullyDrawn: true });

  const atRest = (await stats()).framesDrawn;
  await page.waitForTimeout(700);
  expect((await stats()).framesDrawn).toBe(atRest);

  await writeBoard(page, [["late-arrival", { type: "rect", x: 300, y: 600, w: 40, h: 40, color: "#e5484d", width: 2 }]]);
  await expect.poll(stats).toMatchObject({ elements: 5, fullyDrawn: true });
  expect((await stats()).framesDrawn).toBeGreaterThan(atRest);
  await context.close();
});

import type { Page } from "@playwright/test";
import type { Board } from "@whiteboard/shared";

/** A board's elements as a page's doc holds them: id -> the element's fields. */
export type Elements = Record<string, Record<string, unknown>>;

/** The pages' test hooks (client/src/editor/test-hook.ts, client/src/viewer/test-hook.ts). */
interface HookWindow {
  __whiteboard?: { doc: { getMap(name: string): { toJSON(): Elements } } };
  __whiteboardViewer?: { doc: { getMap(name: string): { toJSON(): Elements } } };
}

/** Creates a board through the API, as the gallery does. */
export async function createBoard(url: string, name: string): Promise<Board> {
  const response = await fetch(`${url}/api/boards`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return (await response.json()) as Board;
}

/** The elements in an editor page's doc; empty before the page has one. */
export function editorElements(page: Page): Promise<Elements> {
  return page.evaluate(() => (window as unknown as HookWindow).__whiteboard?.doc.getMap("elements").toJSON() ?? {});
}

/** The elements in a viewer page's doc; empty before the page has one. */
export function viewerElements(page: Page): Promise<Elements> {
  return page.evaluate(() => (window as unknown as HookWindow).__whiteboardViewer?.doc.getMap("elements").toJSON() ?? {});
}

/** A left-to-right stroke with the mouse, in window pixels (the canvas fills the window). */
export async function drawLine(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, startServer, stopServer, test } from "../fixtures.js";
import { createBoard } from "../board-helpers.js";

// The server's own SQLite driver, to damage a board behind its back as a bad disk would.
const requireFromServer = createRequire(fileURLToPath(new URL("../../server/package.json", import.meta.url)));
interface Statement {
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
}
const Database = requireFromServer("better-sqlite3") as new (file: string) => { prepare(sql: string): Statement; close(): void };

test("a board whose stored data is damaged says so to its editor and its viewer, and another board still opens", async ({ browser }) => {
  let server = await startServer();
  const damaged = await createBoard(server.url, "Damaged");
  const healthy = await createBoard(server.url, "Healthy");
  await stopServer(server);

  const db = new Database(path.join(server.dataDir, "whiteboard.sqlite"));
  const { key } = db.prepare("SELECT key FROM boards WHERE id = ?").get(damaged.id) as { key: string };
  db.prepare("INSERT INTO board_updates (board_key, data) VALUES (?, ?)").run(key, Buffer.from([0xff, 0xff, 0xff, 0x01]));
  db.close();

  server = await startServer(server.dataDir);
  try {
    const editor = await (await browser.newContext()).newPage();
    await editor.goto(`${server.url}/b/${damaged.id}`);
    await expect(editor.getByTestId("board-damaged")).toBeVisible();
    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(`${server.url}/v/${damaged.viewId}`);
    await expect(viewer.getByTestId("viewer-damaged")).toBeVisible();

    await editor.goto(`${server.url}/b/${healthy.id}`);
    await expect(editor.getByTestId("connection-status")).toHaveText("connected");
  } finally {
    await stopServer(server);
  }
});

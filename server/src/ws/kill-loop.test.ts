import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { tempDir } from "../test/temp-dir.js";
import { startCompactingChild } from "../test/child-server.js";
import { connectProvider, eventually } from "../test/editors.js";
import { DATABASE_FILE } from "../storage/sqlite.js";

const ROUNDS = 20;
const EDITORS = 10;

function integrity(dataDir: string): string {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function kill(child: import("node:child_process").ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** Providers that must not resend after the kill: what the server lost must show as lost. */
async function editors(url: URL, boardId: string, n: number): Promise<WebsocketProvider[]> {
  const providers = await Promise.all(Array.from({ length: n }, () => connectProvider(url, boardId)));
  for (const provider of providers) provider.shouldConnect = false;
  return providers;
}

describe("crash safety, again and again", () => {
  it(
    `keeps everything another client saw through ${ROUNDS} SIGKILLs while ${EDITORS} editors draw and logs are folded, with an intact database each time`,
    { timeout: 240_000 },
    async () => {
      const dataDir = tempDir();
      let server = await startCompactingChild(dataDir);
      const board = (await (await fetch(new URL("/api/boards", server.url), { method: "POST" })).json()) as { id: string };
      const seen = new Set<string>();

      for (let round = 0; round < ROUNDS; round++) {
        const writers = await editors(server.url, board.id, EDITORS);
        const [reader] = await editors(server.url, board.id, 1);
        // Everything seen so far came back after the previous kill.
        const present = reader!.doc.getMap("elements");
        expect([...seen].filter((id) => !present.has(id)), `round ${round}: lost after restart`).toEqual([]);

        let n = 0;
        const drawing = writers.map((writer, w) =>
          setInterval(() => {
            writer.doc.transact(() => {
              const stroke = new Y.Map<unknown>();
              stroke.set("type", "stroke");
              stroke.set("points", Y.Array.from([n, w, 32]));
              writer.doc.getMap("elements").set(`r${round}w${w}n${n++}`, stroke);
            });
          }, 4),
        );
        const target = 20 + Math.floor(Math.random() * 60);
        await eventually(() => expect(present.size - seen.size).toBeGreaterThan(target), 20_000);
        await kill(server.child);
        for (const timer of drawing) clearInterval(timer);
        for (const id of present.keys()) seen.add(id);
        for (const provider of [...writers, reader!]) provider.destroy();

        expect(integrity(dataDir), `round ${round}`).toBe("ok");
        server = await startCompactingChild(dataDir);
      }

      // The last restart: everything ever seen is there.
      const [last] = await editors(server.url, board.id, 1);
      const final = last!.doc.getMap("elements");
      expect([...seen].filter((id) => !final.has(id))).toEqual([]);
      expect(seen.size).toBeGreaterThan(ROUNDS * 20);
      last!.destroy();
      await kill(server.child);
    },
  );

  it("keeps a large board intact through a SIGKILL while it loads", { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    let server = await startCompactingChild(dataDir);
    const board = (await (await fetch(new URL("/api/boards", server.url), { method: "POST" })).json()) as { id: string };
    const [seeder] = await editors(server.url, board.id, 1);
    seeder!.doc.transact(() => {
      for (let i = 0; i < 3000; i++) {
        const stroke = new Y.Map<unknown>();
        stroke.set("type", "stroke");
        stroke.set("points", Y.Array.from(Array.from({ length: 300 }, (_, k) => k)));
        seeder!.doc.getMap("elements").set(`big${i}`, stroke);
      }
    });
    const [check] = await editors(server.url, board.id, 1);
    await eventually(() => expect(check!.doc.getMap("elements").size).toBe(3000), 60_000);
    seeder!.destroy();
    check!.destroy();
    await kill(server.child);

    // Opening it starts the load; the kill lands while the server reads and applies the board.
    server = await startCompactingChild(dataDir);
    void connectProvider(server.url, board.id).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await kill(server.child);
    expect(integrity(dataDir)).toBe("ok");

    server = await startCompactingChild(dataDir);
    const [after] = await editors(server.url, board.id, 1);
    expect(after!.doc.getMap("elements").size).toBe(3000);
    after!.destroy();
    await kill(server.child);
  });
});

import path from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WS_CLOSE } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import { createBoard, expectError } from "../test/http.js";
import { connectProvider, eventually, openRaw } from "../test/editors.js";
import { DATABASE_FILE } from "../storage/sqlite.js";

describe("a board whose stored data is damaged", () => {
  it("is quarantined on open (editors 4500, viewers 503) with its rows kept, while another board keeps syncing", async () => {
    const first = await startTestServer();
    const damaged = await createBoard(first, "Damaged");
    const healthy = await createBoard(first, "Healthy");
    const writer = await connectProvider(first.url, damaged.id);
    writer.doc.getMap("elements").set("before", new Y.Map());
    const key = await first.keyOf(damaged.id);
    await eventually(async () => expect((await first.app.store.loadDoc(key))!.updates.length).toBeGreaterThan(0));
    writer.destroy();
    await first.app.close();

    // Bytes Yjs rejects, written behind the server's back, as a bad disk or a bad restore would.
    const db = new Database(path.join(first.dataDir, DATABASE_FILE));
    db.prepare("INSERT INTO board_updates (board_key, data) VALUES (?, ?)").run(key, Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]));
    const rowsBefore = db.prepare("SELECT count(*) AS n FROM board_updates WHERE board_key = ?").get(key) as { n: number };
    db.close();

    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    // The server still starts.
    const server = await startTestServer({ dataDir: first.dataDir, logger: pino({ level: "info" }, sink) });
    const editor = await openRaw(server.url, damaged.id);
    expect((await editor.closed).code).toBe(WS_CLOSE.boardDamaged);
    await expectError(await server.request(`/api/view/${damaged.viewId}/events`), 503, "unavailable", /damaged/);
    // A second try is refused at once, without reading the board again.
    expect((await (await openRaw(server.url, damaged.id)).closed).code).toBe(WS_CLOSE.boardDamaged);

    const a = await connectProvider(server.url, healthy.id);
    const b = await connectProvider(server.url, healthy.id);
    a.doc.getMap("elements").set("still-syncing", new Y.Map());
    await eventually(() => expect(b.doc.getMap("elements").has("still-syncing")).toBe(true));

    const quarantined = lines.filter((line) => line.includes("board quarantined"));
    expect(quarantined).toHaveLength(1);
    expect(JSON.parse(quarantined[0]!)).toMatchObject({ level: 50, part: expect.stringMatching(/logged update/) });
    await server.app.close();
    const after = new Database(path.join(first.dataDir, DATABASE_FILE));
    expect(after.prepare("SELECT count(*) AS n FROM board_updates WHERE board_key = ?").get(key)).toEqual(rowsBefore);
    after.close();
  });
});

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { WS_CLOSE } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import { createBoard } from "../test/http.js";
import { connectProvider, eventually, openRaw } from "../test/editors.js";
import { watch } from "../test/viewers.js";
import { canMount, fill, smallFilesystem } from "../test/small-filesystem.js";
import { DATABASE_FILE } from "./sqlite.js";

if (!canMount) console.warn("disk-full test not run: mounting a tmpfs needs root (.ci/run has it here)");

describe("a full disk", () => {
  it.runIf(canMount)(
    "refuses edits with a retryable close, loses nothing anyone saw, keeps other boards working, and recovers once space is back",
    { timeout: 60_000 },
    async () => {
      const dataDir = smallFilesystem();
      if (!dataDir) return;
      const server = await startTestServer({ dataDir });
      const board = await createBoard(server, "Filling up");
      const other = await createBoard(server, "Quiet");
      const key = await server.keyOf(board.id);
      const alice = await connectProvider(server.url, board.id);
      const bob = await connectProvider(server.url, board.id);
      alice.doc.getMap("elements").set("before", new Y.Map([["type", "rect"]]));
      await eventually(() => expect(bob.doc.getMap("elements").has("before")).toBe(true));
      const viewer = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
      await eventually(() => expect(viewer.doc.getMap("elements").has("before")).toBe(true));
      const quietEditor = await connectProvider(server.url, other.id);

      const filler = fill(dataDir);
      const closes: number[] = [];
      alice.on("connection-close", (event: { code: number } | null) => event && closes.push(event.code));
      // Big enough that it cannot fit in what SQLite has left over.
      alice.doc.getMap("elements").set("during", new Y.Map([["type", "text"], ["text", "x".repeat(256 * 1024)]]));
      await eventually(() => expect(closes).toContain(WS_CLOSE.storageUnavailable), 15_000);
      // Nothing unstored reached anyone: not the other editor, not the viewer.
      expect(bob.doc.getMap("elements").has("during")).toBe(false);
      expect(viewer.doc.getMap("elements").has("during")).toBe(false);
      expect((await server.request(`/api/boards/${board.id}`)).status).toBe(200);

      // A board that does not need to write keeps working: it opens and its cursors move.
      const raw = await openRaw(server.url, other.id);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      quietEditor.awareness.setLocalStateField("cursor", { x: 1, y: 2 });

      // Space comes back: Alice's provider reconnects by itself and resends; everyone gets it.
      fs.rmSync(filler);
      await eventually(() => expect(bob.doc.getMap("elements").has("during")).toBe(true), 30_000);
      await eventually(() => expect(viewer.doc.getMap("elements").has("during")).toBe(true), 15_000);
      const stored = (await server.app.store.loadDoc(key))!;
      const rebuilt = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
      expect([...rebuilt.getMap("elements").keys()].sort()).toEqual(["before", "during"]);
      await server.app.close();
      const db = new Database(path.join(dataDir, DATABASE_FILE));
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    },
  );
});

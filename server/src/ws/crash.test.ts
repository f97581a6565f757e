import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { tempDir } from "../test/temp-dir.js";
import { startChildServer } from "../test/child-server.js";
import { startTestServer } from "../test/server.js";
import { connectProvider, eventually } from "../test/editors.js";

describe("crash safety", () => {
  it("after a SIGKILL mid-drawing, every update another editor had received is still there", async () => {
    const dataDir = tempDir();
    const { url, child } = await startChildServer(dataDir);
    const board = (await (await fetch(new URL("/api/boards", url), { method: "POST" })).json()) as { id: string };
    const writer = await connectProvider(url, board.id);
    const reader = await connectProvider(url, board.id);
    // The stock provider reconnects by itself; after the kill it must not resend what the
    // server lost, or the test would prove nothing.
    writer.shouldConnect = false;
    reader.shouldConnect = false;

    const elements = writer.doc.getMap("elements");
    let written = 0;
    const drawing = setInterval(() => {
      writer.doc.transact(() => {
        const stroke = new Y.Map<unknown>();
        stroke.set("type", "stroke");
        stroke.set("points", Y.Array.from([written, written, 0.5]));
        elements.set(`s${written++}`, stroke);
      });
    }, 2);
    await eventually(() => expect(reader.doc.getMap("elements").size).toBeGreaterThan(50));

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    clearInterval(drawing);
    await exited;
    const seen = [...reader.doc.getMap("elements").keys()];
    writer.disconnect();
    reader.disconnect();

    const restarted = await startTestServer({ dataDir });
    const after = await connectProvider(restarted.url, board.id);
    const recovered = after.doc.getMap("elements");
    const missing = seen.filter((id) => !recovered.has(id));
    expect(missing).toEqual([]);
    expect(seen.length).toBeGreaterThan(50);
  }, 30_000);
});

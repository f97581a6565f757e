import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MEMBER_COOKIE } from "@whiteboard/shared";
import { fakeClientBuild } from "../test/client-build.js";
import { startTestServer } from "../test/server.js";
import { createBoard, readJson } from "../test/http.js";
import { connectProvider, eventually, upgradeStatus } from "../test/editors.js";
import { watch } from "../test/viewers.js";
import { drawRect } from "../test/draw.js";


/** Everything a response shows: status line, every header (cookies included), and the body. */
async function everything(res: Response): Promise<string> {
  const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${res.status}\n${headers}\n${res.headers.getSetCookie().join("\n")}\n\n${await res.text()}`;
}

describe("a view id never reveals the edit id", () => {
  it("appears in no response body, header or SSE event reachable with the view id", async () => {
    const server = await startTestServer({ clientDir: fakeClientBuild() });
    const owner = server.member();
    const board = await createBoard(owner, "Watched");
    const editor = await connectProvider(server.url, board.id);
    editor.awareness.setLocalState({ user: { name: "Ada", color: "#e03131" }, cursor: { x: 5, y: 6 } });
    const viewer = server.member();
    const seen: string[] = [];
    const see = async (res: Promise<Response>) => seen.push(await everything(await res));

    await see(viewer.request(`/v/${board.viewId}`));
    await see(viewer.request(`/api/view/${board.viewId}`));
    await see(viewer.request(`/api/library/boards/${board.viewId}`, { method: "PUT" }));
    await see(viewer.request("/api/library"));
    // Every edit endpoint, tried with the view id.
    await see(viewer.request(`/api/boards/${board.viewId}`));
    await see(viewer.json(`/api/boards/${board.viewId}`, "PATCH", { name: "x" }));
    await see(viewer.request(`/api/boards/${board.viewId}`, { method: "DELETE" }));
    await see(viewer.request(`/api/boards/${board.viewId}/restore`, { method: "POST" }));
    await see(viewer.request(`/api/boards/${board.viewId}/reset-links`, { method: "POST" }));
    seen.push(JSON.stringify(await upgradeStatus(`ws://${server.url.host}/ws/${board.viewId}`)));

    // The live feed while the board is drawn on, cursors move, and then the board is deleted.
    const feed = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
    await eventually(() => expect(feed.kinds()).toContain("presence"));
    drawRect(editor.doc, "r1");
    await eventually(() => expect(feed.kinds()).toContain("update"));
    const raw = await fetch(new URL(`/api/view/${board.viewId}/events`, server.url), { signal: AbortSignal.timeout(500) });
    seen.push([...raw.headers].join("\n"));
    await raw.body?.cancel();
    await owner.request(`/api/boards/${board.id}`, { method: "DELETE" });
    await eventually(() => expect(feed.kinds()).toContain("deleted"));
    seen.push(JSON.stringify(feed.events));
    await see(viewer.request("/api/library"));
    const library = await readJson(await viewer.request("/api/library"));

    expect(seen.length).toBeGreaterThan(10);
    expect(seen.join("\n")).toContain(board.viewId);
    for (const text of seen) expect(text).not.toContain(board.id);
    expect(library.libraries[0].trash).toEqual([]);
  });
});

describe("logs never carry a capability", () => {
  it("names no id, view id, invite, member secret, device link or admin token in any line of a whole session", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const adminToken = "operator-token-0123456789";
    const server = await startTestServer({
      logger: pino({ level: "trace" }, sink),
      adminToken,
      clientDir: fakeClientBuild(),
      lookupLimit: { maxFailures: 5, windowMs: 60_000 },
    });
    const secrets: string[] = [adminToken];
    const alice = server.member();
    const bob = server.member();

    const board = await createBoard(alice, "Logged");
    secrets.push(board.id, board.viewId);
    await alice.request(`/b/${board.id}`);
    await alice.json(`/api/boards/${board.id}`, "PATCH", { name: "Logged, renamed" });
    await alice.request(`/api/boards/${board.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: "{bad" });
    const editor = await connectProvider(server.url, board.id);
    drawRect(editor.doc, "e1");
    const feed = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
    await eventually(() => expect(feed.kinds()).toContain("snapshot"));
    await bob.request(`/v/${board.viewId}`);
    await bob.request(`/api/library/boards/${board.viewId}`, { method: "PUT" });
    const team = await readJson(await alice.json("/api/libraries", "POST", { name: "Team" }));
    secrets.push(team.invite);
    await bob.json("/api/libraries/join", "POST", { invite: team.invite });
    secrets.push((await readJson(await bob.request(`/api/libraries/${team.id}/invite`, { method: "POST" }))).invite);
    const device = await readJson(await alice.request("/api/member/device-link", { method: "POST" }));
    secrets.push(device.invite);
    await server.member().json("/api/member/devices", "POST", { token: device.invite });
    await server.request("/api/boards", { headers: { authorization: `Bearer ${adminToken}` } });
    await server.request("/api/boards", { headers: { authorization: "Bearer wrong-token-0123456789" } });
    await alice.request(`/api/boards/${board.id}`, { method: "DELETE" });
    await alice.request(`/api/boards/${board.id}/restore`, { method: "POST" });
    const reset = await readJson(await alice.request(`/api/boards/${board.id}/reset-links`, { method: "POST" }));
    secrets.push(reset.id, reset.viewId);
    for (let i = 0; i < 7; i++) await server.request(`/api/boards/${board.id}`);
    await upgradeStatus(`ws://${server.url.host}/ws/${board.id}`);
    await server.app.close();

    for (const client of [alice, bob]) secrets.push(client.cookies.get(MEMBER_COOKIE)!);
    expect(secrets.every((s) => typeof s === "string" && s.length >= 16)).toBe(true);
    // The log said something about this session (so the check below is not vacuous)...
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('"route":"/api/boards/:id"'))).toBe(true);
    // ...and none of it opens anything.
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});

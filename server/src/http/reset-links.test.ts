import { roomDoc } from "../test/room-doc.js";
import { describe, expect, it } from "vitest";
import { WS_CLOSE, boardSchema, libraryListSchema } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import type { MemberClient } from "../test/member-client.js";
import { createBoard, expectError, readJson } from "../test/http.js";
import { connectProvider, eventually, openRaw, upgradeStatus } from "../test/editors.js";
import { watch } from "../test/viewers.js";
import * as Y from "yjs";

async function boardsOf(client: MemberClient) {
  return libraryListSchema.parse(await readJson(await client.request("/api/library"))).libraries.flatMap((l) => l.boards);
}

describe("POST /api/boards/:id/reset-links", () => {
  it("gives the board new ids; the old ones answer 404 over HTTP, the WebSocket upgrade and SSE", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const board = await createBoard(alice, "Leaked");
    const res = await alice.request(`/api/boards/${board.id}/reset-links`, { method: "POST" });
    expect(res.status).toBe(200);
    const reset = boardSchema.parse(await readJson(res));
    expect(reset).toMatchObject({ name: "Leaked", createdAt: board.createdAt });
    expect(reset.id).not.toBe(board.id);
    expect(reset.viewId).not.toBe(board.viewId);

    await expectError(await server.request(`/api/boards/${board.id}`), 404, "not_found");
    await expectError(await server.request(`/api/view/${board.viewId}`), 404, "not_found");
    await expectError(await server.request(`/api/view/${board.viewId}/events`), 404, "not_found");
    await expectError(await server.request(`/api/library/boards/${board.viewId}`, { method: "PUT" }), 404, "not_found");
    expect((await upgradeStatus(`ws://${server.url.host}/ws/${board.id}`)).status).toBe(404);

    expect((await server.request(`/api/boards/${reset.id}`)).status).toBe(200);
    expect((await server.request(`/api/view/${reset.viewId}`)).status).toBe(200);
    expect((await upgradeStatus(`ws://${server.url.host}/ws/${reset.id}`)).status).toBe(101);
  });

  it("closes the old id's editors with 4401 and ends its viewers' streams with deleted, keeping the drawing", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "Live reset");
    const doc = new Y.Doc();
    const editor = await connectProvider(server.url, board.id, doc);
    doc.getMap("elements").set("drawn", new Y.Map());
    const key = await server.keyOf(board.id);
    await eventually(async () => expect((await roomDoc(server.app.rooms.loaded(key)!)).getMap("elements").has("drawn")).toBe(true));
    editor.disconnect();
    const raw = await openRaw(server.url, board.id);
    const viewer = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));

    const reset = await readJson(await server.request(`/api/boards/${board.id}/reset-links`, { method: "POST" }));
    expect(await raw.closed).toEqual({ code: WS_CLOSE.linksReset, reason: "links reset" });
    await eventually(() => expect(viewer.kinds().at(-1)).toBe("deleted"));
    const fresh = await connectProvider(server.url, reset.id);
    expect(fresh.doc.getMap("elements").has("drawn")).toBe(true);
  });

  it("removes the entries made with the old ids from other members' libraries; the caller's libraries keep the board with the new ids", async () => {
    const server = await startTestServer();
    const [alice, bob, carol] = [server.member(), server.member(), server.member()];
    const team = await readJson(await alice.json("/api/libraries", "POST", { name: "Team" }));
    await bob.json("/api/libraries/join", "POST", { invite: team.invite });
    const board = await createBoard(alice, "Shared, then reset", team.id);
    await alice.request(`/api/library/boards/${board.id}`, { method: "PUT" });
    await carol.request(`/api/library/boards/${board.viewId}`, { method: "PUT" });
    await bob.request(`/api/library/boards/${board.id}`, { method: "PUT" });

    const reset = await readJson(await alice.request(`/api/boards/${board.id}/reset-links`, { method: "POST" }));
    const alices = await boardsOf(alice);
    expect(alices).toHaveLength(2);
    for (const entry of alices) expect(entry).toMatchObject({ id: reset.id, viewId: reset.viewId });
    // Carol's entry was made with the old view id: gone. Bob's personal entry too; he still sees
    // the board through the team library Alice belongs to, with the new ids.
    expect(await boardsOf(carol)).toEqual([]);
    expect(await boardsOf(bob)).toEqual([expect.objectContaining({ id: reset.id })]);
    const bobsText = await (await bob.request("/api/library")).text();
    expect(bobsText).not.toContain(board.id);
  });
});

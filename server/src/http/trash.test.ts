import { roomDoc } from "../test/room-doc.js";
import { describe, expect, it } from "vitest";
import { TRASH_RETENTION_MS, WS_CLOSE, libraryListSchema } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import type { MemberClient } from "../test/member-client.js";
import { createBoard, expectError, readJson } from "../test/http.js";
import { connectProvider, eventually, openRaw, upgradeStatus } from "../test/editors.js";
import { watch } from "../test/viewers.js";
import * as Y from "yjs";

async function firstLibrary(client: MemberClient) {
  return libraryListSchema.parse(await readJson(await client.request("/api/library"))).libraries[0]!;
}

describe("deleting a board: the trash", () => {
  it("moves the board to its libraries' trash; its ids answer 404 over HTTP, WebSocket and SSE until restored", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const board = await createBoard(alice, "Oops");
    expect((await alice.request(`/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);

    await expectError(await server.request(`/api/boards/${board.id}`), 404, "not_found");
    await expectError(await server.request(`/api/view/${board.viewId}`), 404, "not_found");
    await expectError(await server.request(`/api/view/${board.viewId}/events`), 404, "not_found");
    await expectError(await server.request(`/api/boards/${board.id}`, { method: "DELETE" }), 404, "not_found");
    expect((await upgradeStatus(`ws://${server.url.host}/ws/${board.id}`)).status).toBe(404);

    const library = await firstLibrary(alice);
    expect(library.boards).toEqual([]);
    expect(library.trash).toEqual([expect.objectContaining({ id: board.id, name: "Oops", deletedAt: expect.any(String) })]);
    const { deletedAt, purgeAt } = library.trash[0]!;
    expect(Date.parse(purgeAt) - Date.parse(deletedAt)).toBe(TRASH_RETENTION_MS);

    const restored = await alice.request(`/api/boards/${board.id}/restore`, { method: "POST" });
    expect(restored.status).toBe(200);
    expect(await readJson(restored)).toMatchObject({ id: board.id, viewId: board.viewId, name: "Oops" });
    expect((await server.request(`/api/view/${board.viewId}`)).status).toBe(200);
    expect((await firstLibrary(alice)).boards.map((b) => b.viewId)).toEqual([board.viewId]);
    expect((await firstLibrary(alice)).trash).toEqual([]);
  });

  it("tells connected editors (4404) and viewers (deleted), and keeps what they drew for a restore", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "Live");
    const doc = new Y.Doc();
    const editor = await connectProvider(server.url, board.id, doc);
    doc.getMap("elements").set("kept", new Y.Map());
    const key = await server.keyOf(board.id);
    await eventually(async () => expect((await roomDoc(server.app.rooms.loaded(key)!)).getMap("elements").has("kept")).toBe(true));
    const raw = await openRaw(server.url, board.id);
    const viewer = watch(new URL(`/api/view/${board.viewId}/events`, server.url).href);
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));
    editor.disconnect();

    expect((await server.request(`/api/boards/${board.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await raw.closed).code).toBe(WS_CLOSE.boardDeleted);
    await eventually(() => expect(viewer.kinds()).toContain("deleted"));

    expect((await server.request(`/api/boards/${board.id}/restore`, { method: "POST" })).status).toBe(200);
    const again = await connectProvider(server.url, board.id);
    expect(again.doc.getMap("elements").has("kept")).toBe(true);
  });

  it("purges a board a week after it was deleted, with the server's own job, and then restore is 404", async () => {
    let now = Date.parse("2026-05-01T08:00:00Z");
    const server = await startTestServer({ now: () => new Date(now) });
    const alice = server.member();
    const board = await createBoard(alice, "Old news");
    const kept = await createBoard(alice, "Deleted later");
    await alice.request(`/api/boards/${board.id}`, { method: "DELETE" });
    now += TRASH_RETENTION_MS - 60_000;
    await alice.request(`/api/boards/${kept.id}`, { method: "DELETE" });
    expect(await server.app.trashPurge.run()).toBe(0);

    now += 120_000;
    expect(await server.app.trashPurge.run()).toBe(1);
    await expectError(await alice.request(`/api/boards/${board.id}/restore`, { method: "POST" }), 404, "not_found");
    expect((await firstLibrary(alice)).trash.map((t) => t.name)).toEqual(["Deleted later"]);
    expect((await alice.request(`/api/boards/${kept.id}/restore`, { method: "POST" })).status).toBe(200);
  });

  it("restores a board that is not in the trash as a no-op answering the board", async () => {
    const server = await startTestServer();
    const board = await createBoard(server, "Fine");
    const res = await server.request(`/api/boards/${board.id}/restore`, { method: "POST" });
    expect(res.status).toBe(200);
    expect((await readJson(res)).id).toBe(board.id);
  });

  it("does not show a view-only member the trashed board at all", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bob = server.member();
    const board = await createBoard(alice, "Private bin");
    await bob.request(`/api/library/boards/${board.viewId}`, { method: "PUT" });
    await alice.request(`/api/boards/${board.id}`, { method: "DELETE" });
    const library = await firstLibrary(bob);
    expect(library.boards).toEqual([]);
    expect(library.trash).toEqual([]);
  });
});

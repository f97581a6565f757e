import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startTestServer } from "../../test/server.js";
import { testDatabase } from "../../test/postgres.js";
import { createBoard } from "../../test/http.js";
import { connectProvider, eventually } from "../../test/editors.js";
import { watch } from "../../test/viewers.js";
import { openPostgresStore } from "../postgres.js";

describe("the whole server on PostgreSQL", () => {
  it("serves the API, a stock provider and an EventSource viewer, and has the board after a restart on the same database", async () => {
    const url = await testDatabase();
    const first = await startTestServer({ store: await openPostgresStore(url) });
    const member = first.member();
    const board = await createBoard(member, "On PostgreSQL");
    const editor = await connectProvider(first.url, board.id);
    const viewer = watch(new URL(`/api/view/${board.viewId}/events`, first.url).href);
    await eventually(() => expect(viewer.kinds()).toContain("snapshot"));
    editor.doc.getMap("elements").set("drawn", new Y.Map([["type", "rect"]]));
    await eventually(() => expect(viewer.doc.getMap("elements").has("drawn")).toBe(true));
    const library: unknown = await (await member.request("/api/library")).json();
    expect(JSON.stringify(library)).toContain(board.viewId);
    editor.destroy();
    await first.app.close();

    const second = await startTestServer({ store: await openPostgresStore(url) });
    const again = await connectProvider(second.url, board.id);
    expect(again.doc.getMap("elements").has("drawn")).toBe(true);
    const stored = (await (await second.request(`/api/boards/${board.id}`)).json()) as { name: string };
    expect(stored.name).toBe("On PostgreSQL");
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXISTING_BOARDS_LIBRARY_NAME, libraryListSchema } from "@whiteboard/shared";
import { tempDir } from "../test/temp-dir.js";
import { startTestServer } from "../test/server.js";
import { readJson } from "../test/http.js";
import { DATABASE_FILE } from "../storage/sqlite.js";

const FIXTURE = new URL("../storage/fixtures/schema-v2.sqlite", import.meta.url);
const FACTS = JSON.parse(fs.readFileSync(new URL("../storage/fixtures/schema-v2.json", import.meta.url), "utf8")) as {
  boards: Array<{ id: string; viewId: string; name: string }>;
};

describe("a server started on a database from before libraries", () => {
  it("hands the Existing boards invite to the operator, whose team then sees every board; links keep working for everyone", async () => {
    const dataDir = tempDir();
    fs.copyFileSync(FIXTURE, path.join(dataDir, DATABASE_FILE));
    const token = "operator-token-0123456789";
    const server = await startTestServer({ dataDir, adminToken: token });

    // A stranger sees nothing but an empty library.
    const stranger = server.member();
    expect(libraryListSchema.parse(await readJson(await stranger.request("/api/library"))).libraries).toEqual([
      expect.objectContaining({ personal: true, boards: [] }),
    ]);

    const { libraries } = await readJson(await server.request("/api/admin/libraries", { headers: { authorization: `Bearer ${token}` } }));
    expect(libraries).toEqual([{ id: expect.any(String), name: EXISTING_BOARDS_LIBRARY_NAME, invite: expect.any(String), boards: 3 }]);
    const teammate = server.member();
    expect((await teammate.json("/api/libraries/join", "POST", { invite: libraries[0].invite })).status).toBe(200);
    const seen = libraryListSchema.parse(await readJson(await teammate.request("/api/library"))).libraries;
    expect(seen[1]!.boards.map((b) => b.name).sort()).toEqual(FACTS.boards.map((b) => b.name).sort());

    // Someone with an old bookmark opens it and keeps it, as before the upgrade.
    const old = FACTS.boards[0]!;
    expect((await stranger.request(`/api/library/boards/${old.id}`, { method: "PUT" })).status).toBe(200);
    const kept = libraryListSchema.parse(await readJson(await stranger.request("/api/library"))).libraries[0]!;
    expect(kept.boards).toEqual([expect.objectContaining({ id: old.id, role: "edit", name: old.name })]);
  });
});

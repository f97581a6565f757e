import { describe, expect, it } from "vitest";
import { type Library, MEMBER_COOKIE, libraryEntrySchema, libraryListSchema } from "@whiteboard/shared";
import { startTestServer } from "../test/server.js";
import { type MemberClient, memberClient } from "../test/member-client.js";
import { createBoard, expectError, readJson } from "../test/http.js";
import { connectProvider, eventually } from "../test/editors.js";

async function libraries(client: MemberClient): Promise<Library[]> {
  const res = await client.request("/api/library");
  expect(res.status).toBe(200);
  return libraryListSchema.parse(await readJson(res)).libraries;
}

async function etagOf(client: MemberClient): Promise<string> {
  const res = await client.request("/api/library");
  expect(res.status).toBe(200);
  return res.headers.get("etag")!;
}

async function unchanged(client: MemberClient, etag: string): Promise<boolean> {
  const res = await client.request("/api/library", { headers: { "if-none-match": etag } });
  if (res.status === 304) expect(await res.text()).toBe("");
  return res.status === 304;
}

describe("GET /api/library", () => {
  it("shows a fresh browser one empty personal library without making it a member for asking", async () => {
    const server = await startTestServer();
    const res = await server.request("/api/library");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(libraryListSchema.parse(await readJson(res)).libraries).toEqual([{ id: "", name: "Your boards", personal: true, boards: [], trash: [] }]);
    const etag = res.headers.get("etag")!;
    expect((await server.request("/api/library", { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("makes a browser a member on its first change, with an HttpOnly, SameSite=Lax cookie, renewed on later visits", async () => {
    const server = await startTestServer();
    const browser = server.member();
    const res = await browser.request("/api/member/device-link", { method: "POST" });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${MEMBER_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(new RegExp(`^${MEMBER_COOKIE}=[A-Za-z0-9_-]{22};`));
    expect(cookie).toMatch(/Max-Age=34560000/);
    const list = await browser.request("/api/library");
    expect(libraryListSchema.parse(await readJson(list)).libraries).toEqual([
      { id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), name: "Your boards", personal: true, boards: [], trash: [] },
    ]);
    const renewed = list.headers.getSetCookie().find((c) => c.startsWith(`${MEMBER_COOKIE}=`));
    expect(renewed).toBe(cookie);
  });

  it("shows each member only their own boards: a board one creates is absent from the others'", async () => {
    const server = await startTestServer();
    const [alice, bob, carol] = [server.member(), server.member(), server.member()];
    const board = await createBoard(alice, "Alice's plan");
    await createBoard(bob, "Bob's sketch");
    expect((await libraries(alice))[0]!.boards.map((b) => b.name)).toEqual(["Alice's plan"]);
    expect((await libraries(bob))[0]!.boards.map((b) => b.name)).toEqual(["Bob's sketch"]);
    expect((await libraries(carol))[0]!.boards).toEqual([]);
    const carolsText = await (await carol.request("/api/library")).text();
    expect(carolsText).not.toContain(board.id);
    expect(carolsText).not.toContain(board.viewId);
  });

  it("adds a board by its view id as a view entry with no edit id anywhere in the body", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bob = server.member();
    const board = await createBoard(alice, "Watch me");
    const put = await bob.request(`/api/library/boards/${board.viewId}`, { method: "PUT" });
    expect(put.status).toBe(200);
    const putText = await put.text();
    expect(putText).not.toContain(board.id);
    expect(libraryEntrySchema.parse(JSON.parse(putText))).toMatchObject({ role: "view", viewId: board.viewId, name: "Watch me" });

    const listText = await (await bob.request("/api/library")).text();
    expect(listText).not.toContain(board.id);
    const [personal] = libraryListSchema.parse(JSON.parse(listText)).libraries;
    expect(personal!.boards).toEqual([expect.objectContaining({ role: "view", viewId: board.viewId })]);
    expect(personal!.boards[0]).not.toHaveProperty("id");
  });

  it("upgrades a view entry when the edit id is opened, and never downgrades an edit entry by a view id", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const board = await createBoard(server.member(), "Both");
    await alice.request(`/api/library/boards/${board.viewId}`, { method: "PUT" });
    const upgraded = await readJson(await alice.request(`/api/library/boards/${board.id}`, { method: "PUT" }));
    expect(upgraded).toMatchObject({ role: "edit", id: board.id });
    const again = await readJson(await alice.request(`/api/library/boards/${board.viewId}`, { method: "PUT" }));
    expect(again).toMatchObject({ role: "edit", id: board.id });
    expect((await libraries(alice))[0]!.boards).toEqual([expect.objectContaining({ role: "edit", id: board.id })]);
  });

  it("sends a per-member strong ETag with private, no-cache and Vary: Cookie, and 304 while nothing changed", async () => {
    const server = await startTestServer();
    const alice = server.member();
    await createBoard(alice, "x");
    const res = await alice.request("/api/library");
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("vary")).toMatch(/cookie/i);
    const etag = res.headers.get("etag")!;
    expect(await unchanged(alice, etag)).toBe(true);
    const bob = server.member();
    expect(await etagOf(bob)).not.toBe(etag);
  });

  it("changes the ETag after the member's own rename and after a rename of a board they only view, not after an unrelated member's change", async () => {
    const server = await startTestServer();
    const [alice, bob, carol] = [server.member(), server.member(), server.member()];
    const own = await createBoard(bob, "Bob's own");
    const watched = await createBoard(alice, "Alice's, watched by Bob");
    const unrelated = await createBoard(carol, "Carol's");
    await bob.request(`/api/library/boards/${watched.viewId}`, { method: "PUT" });

    let etag = await etagOf(bob);
    await carol.json(`/api/boards/${unrelated.id}`, "PATCH", { name: "Carol's, renamed" });
    await createBoard(carol, "Carol's second");
    expect(await unchanged(bob, etag)).toBe(true);

    await bob.json(`/api/boards/${own.id}`, "PATCH", { name: "Bob's own, renamed" });
    expect(await unchanged(bob, etag)).toBe(false);
    etag = await etagOf(bob);

    await alice.json(`/api/boards/${watched.id}`, "PATCH", { name: "renamed by Alice" });
    expect(await unchanged(bob, etag)).toBe(false);
    expect((await libraries(bob))[0]!.boards.map((b) => b.name)).toContain("renamed by Alice");
  });

  it("changes the ETag when someone starts editing a board in the library, and not for a board outside it", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const mine = await createBoard(alice, "mine");
    const other = await createBoard(server.member(), "other");
    const etag = await etagOf(alice);
    await connectProvider(server.url, other.id);
    await server.app.etags.settled();
    expect(await unchanged(alice, etag)).toBe(true);
    await connectProvider(server.url, mine.id);
    await eventually(async () => expect(await unchanged(alice, etag)).toBe(false));
    expect((await libraries(alice))[0]!.boards[0]).toMatchObject({ name: "mine", editors: 1 });
  });

  it("does not reuse an ETag after a restart on the same data", async () => {
    const server = await startTestServer();
    const alice = server.member();
    await createBoard(alice, "x");
    const before = await etagOf(alice);
    await server.app.close();
    const restarted = await startTestServer({ dataDir: server.dataDir });
    const sameBrowser = memberClient(restarted.url);
    for (const [name, value] of alice.cookies) (sameBrowser.cookies as Map<string, string>).set(name, value);
    expect((await libraries(sameBrowser))[0]!.boards.map((b) => b.name)).toEqual(["x"]);
    expect(await etagOf(sameBrowser)).not.toBe(before);
  });

  it("replaces a garbage or unknown member cookie with a fresh member instead of failing", async () => {
    const server = await startTestServer();
    for (const value of ["garbage!", "A".repeat(22), ""]) {
      expect((await server.request("/api/library", { headers: { cookie: `${MEMBER_COOKIE}=${value}` } })).status).toBe(200);
      const res = await server.request("/api/boards", { method: "POST", headers: { cookie: `${MEMBER_COOKIE}=${value}` } });
      expect(res.status).toBe(201);
      expect(res.headers.getSetCookie().some((c) => c.startsWith(`${MEMBER_COOKIE}=`) && !c.startsWith(`${MEMBER_COOKIE}=${value};`))).toBe(true);
    }
  });
});

describe("DELETE /api/library/:libraryId/boards/:viewId", () => {
  it("removes the entry but not the board, and 404s for another member's library or a missing entry", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bob = server.member();
    const board = await createBoard(alice, "keep the board");
    const [personal] = await libraries(alice);
    await expectError(await bob.request(`/api/library/${personal!.id}/boards/${board.viewId}`, { method: "DELETE" }), 404, "not_found");
    expect((await alice.request(`/api/library/${personal!.id}/boards/${board.viewId}`, { method: "DELETE" })).status).toBe(204);
    expect((await libraries(alice))[0]!.boards).toEqual([]);
    expect((await server.request(`/api/boards/${board.id}`)).status).toBe(200);
    await expectError(await alice.request(`/api/library/${personal!.id}/boards/${board.viewId}`, { method: "DELETE" }), 404, "not_found");
    await expectError(await alice.request(`/api/library/nope/boards/${board.viewId}`, { method: "DELETE" }), 404, "not_found");
  });
});

describe("shared libraries", () => {
  it("creates a library with an invite; whoever joins by it sees its boards; rotating stops the old invite", async () => {
    const server = await startTestServer();
    const [alice, bob, carol] = [server.member(), server.member(), server.member()];
    const created = await alice.json("/api/libraries", "POST", { name: " Design team " });
    expect(created.status).toBe(201);
    const team = await readJson(created);
    expect(team).toEqual({ id: expect.any(String), name: "Design team", invite: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    const board = await createBoard(alice, "Team board", team.id);
    expect((await libraries(alice))[0]!.boards).toEqual([]);

    const bobsEtag = await etagOf(bob);
    const joined = await bob.json("/api/libraries/join", "POST", { invite: team.invite });
    expect(joined.status).toBe(200);
    expect(await readJson(joined)).toMatchObject({ id: team.id, name: "Design team", personal: false, boards: [expect.objectContaining({ id: board.id, role: "edit" })] });
    expect(await unchanged(bob, bobsEtag)).toBe(false);
    expect((await libraries(bob)).map((l) => l.name)).toEqual(["Your boards", "Design team"]);

    const rotated = await readJson(await bob.request(`/api/libraries/${team.id}/invite`, { method: "POST" }));
    expect(rotated.invite).not.toBe(team.invite);
    await expectError(await carol.json("/api/libraries/join", "POST", { invite: team.invite }), 404, "not_found");
    expect((await carol.json("/api/libraries/join", "POST", { invite: rotated.invite })).status).toBe(200);
    expect((await libraries(alice)).find((l) => l.id === team.id)!.invite).toBe(rotated.invite);
  });

  it("lets a member leave, after which the library and its boards are gone from their list and its calls 404", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const bob = server.member();
    const team = await readJson(await alice.json("/api/libraries", "POST", { name: "Team" }));
    await createBoard(alice, "Team board", team.id);
    await bob.json("/api/libraries/join", "POST", { invite: team.invite });
    expect((await bob.request(`/api/libraries/${team.id}/membership`, { method: "DELETE" })).status).toBe(204);
    expect((await libraries(bob)).map((l) => l.name)).toEqual(["Your boards"]);
    await expectError(await bob.request(`/api/libraries/${team.id}/invite`, { method: "POST" }), 404, "not_found");
    await expectError(await bob.request(`/api/libraries/${team.id}/membership`, { method: "DELETE" }), 404, "not_found");
    expect((await libraries(alice)).find((l) => l.id === team.id)!.boards).toHaveLength(1);
  });

  it("answers 404 to every library call from a non-member, whatever the library id's shape", async () => {
    const server = await startTestServer();
    const alice = server.member();
    const mallory = server.member();
    const team = await readJson(await alice.json("/api/libraries", "POST", { name: "Team" }));
    for (const id of [team.id, "AAAAAAAAAAAAAAAAAAAAAA", "short", "..%2F.."]) {
      await expectError(await mallory.request(`/api/libraries/${id}/invite`, { method: "POST" }), 404, "not_found");
      await expectError(await mallory.request(`/api/libraries/${id}/membership`, { method: "DELETE" }), 404, "not_found");
      await expectError(await mallory.json("/api/boards", "POST", { libraryId: team.id }), 404, "not_found");
    }
    for (const invite of ["AAAAAAAAAAAAAAAAAAAAAA", "x", 42]) {
      await expectError(await mallory.json("/api/libraries/join", "POST", { invite }), 404, "not_found");
    }
    expect((await libraries(alice)).find((l) => l.id === team.id)!.invite).toBe(team.invite);
  });

  it("refuses to leave or rotate the personal library", async () => {
    const server = await startTestServer();
    const alice = server.member();
    await createBoard(alice, "makes Alice a member");
    const [personal] = await libraries(alice);
    await expectError(await alice.request(`/api/libraries/${personal!.id}/membership`, { method: "DELETE" }), 400, "bad_request", /personal/);
    await expectError(await alice.request(`/api/libraries/${personal!.id}/invite`, { method: "POST" }), 400, "bad_request", /personal/);
  });

  it("rejects a blank or too long library name, naming the field", async () => {
    const server = await startTestServer();
    await expectError(await server.json("/api/libraries", "POST", { name: " " }), 400, "bad_request", /^name:/);
    await expectError(await server.json("/api/libraries", "POST", { name: "n".repeat(121) }), 400, "bad_request", /^name:/);
  });
});

describe("use on another device", () => {
  it("hands out a one-time link that makes another browser the same member", async () => {
    const server = await startTestServer();
    const laptop = server.member();
    const phone = server.member();
    await createBoard(laptop, "On both");
    const team = await readJson(await laptop.json("/api/libraries", "POST", { name: "Team" }));
    const link = await readJson(await laptop.request("/api/member/device-link", { method: "POST" }));
    expect(link).toEqual({ invite: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), expiresAt: expect.any(String) });

    // Not an invite: the join endpoint knows nothing of it.
    await expectError(await phone.json("/api/libraries/join", "POST", { invite: link.invite }), 404, "not_found");
    const joined = await phone.json("/api/member/devices", "POST", { token: link.invite });
    expect(joined.status).toBe(200);
    expect(await readJson(joined)).toMatchObject({ personal: true, boards: [expect.objectContaining({ name: "On both" })] });
    const onPhone = await libraries(phone);
    expect(onPhone.map((l) => l.id)).toEqual((await libraries(laptop)).map((l) => l.id));
    expect(onPhone.map((l) => l.id)).toContain(team.id);
    // The phone has a secret of its own, not the laptop's.
    expect(phone.cookies.get(MEMBER_COOKIE)).not.toBe(laptop.cookies.get(MEMBER_COOKIE));

    const third = server.member();
    await expectError(await third.json("/api/member/devices", "POST", { token: link.invite }), 404, "not_found");
  });

  it("refuses to take over a browser that already has boards of its own, leaving both lists as they were", async () => {
    const server = await startTestServer();
    const attacker = server.member();
    const victim = server.member();
    const own = await createBoard(victim, "Victim's own");
    const link = await readJson(await attacker.request("/api/member/device-link", { method: "POST" }));

    await expectError(await victim.json("/api/member/devices", "POST", { token: link.invite }), 400, "bad_request", /boards of its own/);
    expect((await libraries(victim))[0]!.boards).toEqual([expect.objectContaining({ id: own.id })]);
    expect((await libraries(attacker))[0]!.boards).toEqual([]);
    expect(await (await attacker.request("/api/library")).text()).not.toContain(own.id);
  });

  it("lets a browser that is a member but saved nothing take the link, and keeps no trace of its old member", async () => {
    const server = await startTestServer();
    const laptop = server.member();
    await createBoard(laptop, "Laptop board");
    const phone = server.member();
    await phone.request("/api/member/device-link", { method: "POST" });
    const link = await readJson(await laptop.request("/api/member/device-link", { method: "POST" }));
    expect((await phone.json("/api/member/devices", "POST", { token: link.invite })).status).toBe(200);
    expect((await libraries(phone))[0]!.boards.map((b) => b.name)).toEqual(["Laptop board"]);
  });

  it("stops working once its time is up", async () => {
    let now = Date.parse("2026-06-01T10:00:00Z");
    const server = await startTestServer({ now: () => new Date(now) });
    const laptop = server.member();
    const link = await readJson(await laptop.request("/api/member/device-link", { method: "POST" }));
    now += 16 * 60 * 1000;
    await expectError(await server.member().json("/api/member/devices", "POST", { token: link.invite }), 404, "not_found");
  });
});

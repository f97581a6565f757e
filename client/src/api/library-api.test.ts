import { afterEach, describe, expect, it, vi } from "vitest";
import { errorBody } from "@whiteboard/shared";
import { editEntry, library, viewEntry } from "../gallery/test-libraries";
import { createPollMeter } from "../channels/poll-meter";
import { ApiError } from "./api-error";
import {
  addToLibrary,
  createDeviceLink,
  createLibrary,
  fetchLibrary,
  joinLibrary,
  leaveLibrary,
  redeemDeviceLink,
  rememberBoard,
  removeFromLibrary,
  rotateInvite,
} from "./library-api";
import { json, sent, stubFetch } from "./test-fetch";

const EDIT = editEntry("a");
const VIEW = viewEntry("b");
const PERSONAL = library("Your boards", [EDIT, VIEW], { personal: true });
const TEAM = library("Team");

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchLibrary", () => {
  it("sends If-None-Match with the known ETag and bypasses the HTTP cache", async () => {
    const fetch = stubFetch(new Response(null, { status: 304 }));
    await fetchLibrary('"v1"');
    const { url, init } = sent(fetch);
    expect(url).toBe("/api/library");
    expect(init.cache).toBe("no-store");
    expect(new Headers(init.headers).get("if-none-match")).toBe('"v1"');
  });

  it("sends no If-None-Match before it knows an ETag", async () => {
    const fetch = stubFetch(json({ libraries: [] }));
    await fetchLibrary(null);
    expect(new Headers(sent(fetch).init.headers).has("if-none-match")).toBe(false);
  });

  it("reports a 304 as unchanged", async () => {
    stubFetch(new Response(null, { status: 304 }));
    expect(await fetchLibrary('"v1"')).toEqual({ kind: "unchanged" });
  });

  it("returns the validated libraries and the new ETag on a 200, view entries without an id", async () => {
    stubFetch(json({ libraries: [PERSONAL, TEAM] }, 200, { etag: '"v2"' }));
    const result = await fetchLibrary('"v1"');
    expect(result).toEqual({ kind: "changed", libraries: [PERSONAL, TEAM], etag: '"v2"' });
    const view = result.kind === "changed" ? result.libraries[0]?.boards[1] : undefined;
    expect(view?.role).toBe("view");
    expect(view && "id" in view).toBe(false);
  });

  it("rejects a view entry that carries an edit id, rather than pass it on", async () => {
    const leaky = { ...PERSONAL, boards: [{ ...VIEW, id: EDIT.id }] };
    stubFetch(json({ libraries: [leaky] }));
    await expect(fetchLibrary(null)).rejects.toBeInstanceOf(ApiError);
  });

  it("rejects a body that does not match the contract", async () => {
    stubFetch(json({ libraries: [{ id: 1 }] }));
    await expect(fetchLibrary(null)).rejects.toMatchObject({ message: "The server sent an unexpected answer." });
  });

  it("tells its meter of each poll, of a 200's body bytes and ETag, and of a 304", async () => {
    const meter = createPollMeter();
    const body = JSON.stringify({ libraries: [PERSONAL] });
    stubFetch(new Response(body, { status: 200, headers: { etag: '"v2"' } }));
    await fetchLibrary(null, { meter });
    stubFetch(new Response(null, { status: 304 }));
    await fetchLibrary('"v2"', { meter });

    expect(meter.read()).toMatchObject({
      polls: 2,
      notModified: 1,
      etag: '"v2"',
      traffic: { messagesOut: 2, messagesIn: 2, bytesIn: new TextEncoder().encode(body).byteLength },
    });
  });
});

describe("library calls", () => {
  it("saves a board to the personal library with PUT by either capability", async () => {
    const fetch = stubFetch(json(VIEW));
    expect(await addToLibrary(VIEW.viewId)).toEqual(VIEW);
    expect([sent(fetch).url, sent(fetch).init.method]).toEqual([`/api/library/boards/${VIEW.viewId}`, "PUT"]);
  });

  it("remembers an opened board without ever rejecting", async () => {
    const fetch = stubFetch(json(errorBody("not_found"), 404));
    expect(() => rememberBoard(EDIT.id)).not.toThrow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });

  it("removes an entry from one library by its view id", async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await removeFromLibrary(TEAM.id, VIEW.viewId);
    expect([sent(fetch).url, sent(fetch).init.method]).toEqual([`/api/library/${TEAM.id}/boards/${VIEW.viewId}`, "DELETE"]);
  });

  it("creates a shared library by name", async () => {
    const fetch = stubFetch(json({ id: TEAM.id, name: "Team", invite: TEAM.invite }, 201));
    expect(await createLibrary("Team")).toEqual({ id: TEAM.id, name: "Team", invite: TEAM.invite });
    expect([sent(fetch).url, sent(fetch).init.body]).toEqual(["/api/libraries", JSON.stringify({ name: "Team" })]);
  });

  it("joins with the invite in the body and reports an unknown invite as a 404", async () => {
    const fetch = stubFetch(json(TEAM));
    expect(await joinLibrary(TEAM.invite ?? "")).toEqual(TEAM);
    expect([sent(fetch).url, sent(fetch).init.body]).toEqual(["/api/libraries/join", JSON.stringify({ invite: TEAM.invite })]);
    stubFetch(json(errorBody("not_found"), 404));
    await expect(joinLibrary("x".repeat(22))).rejects.toMatchObject({ status: 404 });
  });

  it("rotates an invite and answers the new one", async () => {
    const fetch = stubFetch(json({ invite: "N".repeat(22) }));
    expect(await rotateInvite(TEAM.id)).toBe("N".repeat(22));
    expect([sent(fetch).url, sent(fetch).init.method]).toEqual([`/api/libraries/${TEAM.id}/invite`, "POST"]);
  });

  it("leaves a library by deleting the membership", async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await leaveLibrary(TEAM.id);
    expect([sent(fetch).url, sent(fetch).init.method]).toEqual([`/api/libraries/${TEAM.id}/membership`, "DELETE"]);
  });

  it("asks for a device link", async () => {
    const link = { invite: "D".repeat(22), expiresAt: "2025-01-01T00:15:00.000Z" };
    const fetch = stubFetch(json(link, 201));
    expect(await createDeviceLink()).toEqual(link);
    expect([sent(fetch).url, sent(fetch).init.method]).toEqual(["/api/member/device-link", "POST"]);
  });

  it("redeems a device link with the token as JSON and answers the personal library", async () => {
    const token = "D".repeat(22);
    const fetch = stubFetch(json(PERSONAL));
    expect(await redeemDeviceLink(token)).toEqual(PERSONAL);
    const { url, init } = sent(fetch);
    expect([url, init.method, init.body]).toEqual(["/api/member/devices", "POST", JSON.stringify({ token })]);
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
  });

  it("reports a used or expired device link as a 404 with the server's message", async () => {
    stubFetch(json(errorBody("not_found"), 404));
    await expect(redeemDeviceLink("D".repeat(22))).rejects.toMatchObject({ status: 404, code: "not_found" });
  });
});

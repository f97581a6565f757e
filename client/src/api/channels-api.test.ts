import { afterEach, describe, expect, it, vi } from "vitest";
import { errorBody } from "@whiteboard/shared";
import { ApiError } from "./api-error";
import { fetchChannelStats } from "./channels-api";
import { json, sent, stubFetch } from "./test-fetch";

const STATS = {
  websocket: { open: 2, opened: 5, messagesIn: 120, messagesOut: 340, bytesIn: 5600, bytesOut: 78000 },
  sse: { open: 1, opened: 1, messagesOut: 40, bytesOut: 9000 },
  polling: { requests: 6, notModified: 4, bytesOut: 2100 },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchChannelStats", () => {
  it("asks the server for its channel stats, past the HTTP cache, and returns them validated", async () => {
    const fetch = stubFetch(json(STATS));
    expect(await fetchChannelStats()).toEqual(STATS);
    expect(sent(fetch)).toMatchObject({ url: "/api/channels", init: { cache: "no-store" } });
  });

  it("rejects a 404 (a server without the endpoint) and an answer that names anything", async () => {
    stubFetch(json(errorBody("not_found", "Not found"), 404));
    await expect(fetchChannelStats()).rejects.toBeInstanceOf(ApiError);
    stubFetch(json({ ...STATS, sse: { ...STATS.sse, boards: ["b1"] } }));
    await expect(fetchChannelStats()).rejects.toMatchObject({ message: "The server sent an unexpected answer." });
  });
});

import { errorBody } from "@whiteboard/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json } from "../api/test-fetch";
import { createFeedProbe } from "./feed-probe";

const VIEW_ID = "BBBBBBBBBBBBBBBBBBBBBB";
const INFO = { viewId: VIEW_ID, name: "Retro", updatedAt: "2025-01-01T10:05:00.000Z" };
const DAMAGED = errorBody("unavailable", "This board's stored data is damaged; it cannot be shown until an operator repairs it.");

/** The server's two answers, by path; records every request and its abort signal. */
function stubServer(info: () => Response, events: () => Response) {
  const requests: { url: string; signal: AbortSignal | undefined }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, signal: init?.signal ?? undefined });
      return url.endsWith("/events") ? events() : info();
    }),
  );
  return requests;
}

function stream(): Response {
  return new Response(new ReadableStream(), { status: 200, headers: { "content-type": "text/event-stream" } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createFeedProbe", () => {
  it("says damaged when the view info answers but the events URL answers 503 with SPEC's unavailable body", async () => {
    const requests = stubServer(
      () => json(INFO),
      () => json(DAMAGED, 503),
    );
    expect(await createFeedProbe(VIEW_ID)()).toBe("damaged");
    expect(requests.map((r) => r.url)).toEqual([`/api/view/${VIEW_ID}`, `/api/view/${VIEW_ID}/events`]);
  });

  it("says gone on a 404 from the view info, without asking the events URL", async () => {
    const requests = stubServer(
      () => json(errorBody("not_found"), 404),
      () => json(DAMAGED, 503),
    );
    expect(await createFeedProbe(VIEW_ID)()).toBe("gone");
    expect(requests).toHaveLength(1);
  });

  it("says exists when the events URL opens a stream, and drops that stream at once", async () => {
    const requests = stubServer(() => json(INFO), stream);
    expect(await createFeedProbe(VIEW_ID)()).toBe("exists");
    expect(requests[1]!.signal?.aborted).toBe(true);
  });

  it("leaves any other refusal to a retry: a proxy's 503 page, a 404 while the server stops, a 429", async () => {
    const answers = [
      () => new Response("<html>Service Unavailable</html>", { status: 503, headers: { "content-type": "text/html" } }),
      () => json(errorBody("not_found"), 404),
      () => json(errorBody("rate_limited"), 429),
    ];
    for (const answer of answers) {
      stubServer(() => json(INFO), answer);
      expect(await createFeedProbe(VIEW_ID)()).toBe("unknown");
    }
  });

  it("says unknown when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await createFeedProbe(VIEW_ID)()).toBe("unknown");
  });
});

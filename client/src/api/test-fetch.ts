import { vi } from "vitest";

/** Stubs the global `fetch` for the api modules' tests, and reads back what they sent. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    typeof response === "function" ? response() : Promise.resolve(response),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

export type StubbedFetch = ReturnType<typeof stubFetch>;

export function sent(fetch: StubbedFetch): { url: string; init: RequestInit } {
  const call = fetch.mock.calls[0];
  if (!call) throw new Error("fetch was not called");
  return { url: String(call[0]), init: call[1] ?? {} };
}

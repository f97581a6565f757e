import http2 from "node:http2";
import { Readable } from "node:stream";
import { onTestFinished } from "vitest";

/**
 * One HTTP/2 connection to a test server (ALPN `h2`, trusting the test's certificate), and a
 * `fetch` over it: every request, a real `EventSource`'s included, is a stream of this one
 * connection, as in a browser talking HTTP/2.
 */
export async function http2Connection(base: URL, ca: Buffer): Promise<{ session: http2.ClientHttp2Session; fetch: typeof fetch; streamsOpened(): number }> {
  const session = http2.connect(base.origin, { ca });
  onTestFinished(() => {
    session.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    session.once("connect", () => resolve());
    session.once("error", reject);
  });
  if (session.alpnProtocol !== "h2") throw new Error(`negotiated ${String(session.alpnProtocol)}, not h2`);
  let opened = 0;
  const fetchOverH2 = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), base);
    const headers: http2.OutgoingHttpHeaders = { ":method": init.method ?? "GET", ":path": url.pathname + url.search };
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    opened += 1;
    const request = session.request(headers);
    init.signal?.addEventListener("abort", () => request.close(http2.constants.NGHTTP2_CANCEL));
    if (init.body !== undefined && init.body !== null) request.end(typeof init.body === "string" ? init.body : Buffer.from(init.body as ArrayBuffer));
    else request.end();
    const responseHeaders = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      request.once("response", resolve);
      request.once("error", reject);
    });
    const out = new Headers();
    for (const [name, value] of Object.entries(responseHeaders)) {
      if (name.startsWith(":") || value === undefined) continue;
      out.set(name, Array.isArray(value) ? value.join(", ") : String(value));
    }
    const status = Number(responseHeaders[":status"]);
    const body = status === 204 || status === 304 ? null : (Readable.toWeb(request) as ReadableStream<Uint8Array>);
    return new Response(body, { status, headers: out });
  };
  return { session, fetch: fetchOverH2 as typeof fetch, streamsOpened: () => opened };
}

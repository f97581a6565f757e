/**
 * Whether a browser's `Origin` may act on this server: its host is the one the request came to,
 * or it is listed in `ALLOWED_ORIGINS`. One rule for editor WebSockets and for the JSON API's
 * state-changing calls, so cross-site requests never ride on the member cookie.
 */
export function isAllowedOrigin(origin: string, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The host a request was sent to: `Host` over HTTP/1.1, the `:authority` pseudo-header over
 * HTTP/2, where a browser sends no `Host` at all.
 */
export function requestHost(headers: Record<string, string | string[] | undefined>): string | undefined {
  const host = headers.host ?? headers[":authority"];
  return typeof host === "string" ? host : undefined;
}

/**
 * A browser's cookie jar, as far as this server uses cookies: whatever `Set-Cookie` names is
 * kept and sent back on every request, as a browser does on one origin. Each client is a member
 * of its own, so a test can hold three browsers side by side.
 */
export interface MemberClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, method: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The cookies held now, name -> value. */
  readonly cookies: ReadonlyMap<string, string>;
}

export function memberClient(base: URL): MemberClient {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(new URL(path, base), { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return {
    request,
    json: (path, method, body, headers = {}) =>
      request(path, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
    cookies,
  };
}

/** SPEC's pages. Anything else is a page the app does not have. */
export type Route =
  | { page: "gallery" }
  | { page: "editor"; id: string }
  | { page: "viewer"; viewId: string }
  | { page: "join"; invite: string }
  | { page: "device"; token: string }
  | { page: "not-found" };

const BOARD_PATH = /^\/b\/([^/]+)\/?$/;
const VIEW_PATH = /^\/v\/([^/]+)\/?$/;
const JOIN_PATH = /^\/join\/([^/]+)\/?$/;
const DEVICE_PATH = /^\/device\/([^/]+)\/?$/;

export function matchRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "gallery" };
  const id = segment(BOARD_PATH, pathname);
  if (id !== undefined) return { page: "editor", id };
  const viewId = segment(VIEW_PATH, pathname);
  if (viewId !== undefined) return { page: "viewer", viewId };
  const invite = segment(JOIN_PATH, pathname);
  if (invite !== undefined) return { page: "join", invite };
  const token = segment(DEVICE_PATH, pathname);
  if (token !== undefined) return { page: "device", token };
  return { page: "not-found" };
}

export function editorPath(id: string): string {
  return `/b/${encodeURIComponent(id)}`;
}

export function viewerPath(viewId: string): string {
  return `/v/${encodeURIComponent(viewId)}`;
}

export function joinPath(invite: string): string {
  return `/join/${encodeURIComponent(invite)}`;
}

/** Where a library invite is handed out: the whole URL, to paste anywhere. */
export function joinUrl(origin: string, invite: string): string {
  return origin + joinPath(invite);
}

/**
 * A device link has its own page, apart from invites: redeeming one changes who this browser
 * is, so it must never pass for a "join our team" link that acts as soon as it opens.
 */
export function devicePath(token: string): string {
  return `/device/${encodeURIComponent(token)}`;
}

export function deviceUrl(origin: string, token: string): string {
  return origin + devicePath(token);
}

function segment(pattern: RegExp, pathname: string): string | undefined {
  const raw = pattern.exec(pathname)?.[1];
  if (raw === undefined) return undefined;
  // A malformed escape (`%E0%A4%A`) is a broken link, not a crash.
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

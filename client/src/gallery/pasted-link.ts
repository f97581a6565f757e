import { isWellFormedId } from "@whiteboard/shared";
import { matchRoute } from "../routes";

/**
 * What a pasted link can add to the gallery: a board (by either capability) or a shared library.
 * A device link is recognised only to be refused with its own explanation: it changes who this
 * browser is, so it is redeemed on its own page, after a confirmation, never from this field.
 */
export type PastedLink = { kind: "board"; capability: string } | { kind: "invite"; invite: string } | { kind: "device" };

/**
 * Reads what someone pasted into "Paste a link": an editor URL (`…/b/<id>`), a viewer URL
 * (`…/v/<viewId>`), a library invite (`…/join/<invite>`), the same without the scheme or as a
 * bare path, or a bare id. Null for anything else, so the page can say so without asking the
 * server. The host is not checked: a link copied from another address of this same server (a
 * LAN IP, a proxy's name) still names the board; a foreign one just comes back as a 404.
 */
export function parsePastedLink(text: string): PastedLink | null {
  const trimmed = text.trim();
  if (isWellFormedId(trimmed)) return { kind: "board", capability: trimmed };
  const path = pathOf(trimmed);
  if (path === null) return null;
  const route = matchRoute(path);
  switch (route.page) {
    case "editor":
      return isWellFormedId(route.id) ? { kind: "board", capability: route.id } : null;
    case "viewer":
      return isWellFormedId(route.viewId) ? { kind: "board", capability: route.viewId } : null;
    case "join":
      return isWellFormedId(route.invite) ? { kind: "invite", invite: route.invite } : null;
    case "device":
      return isWellFormedId(route.token) ? { kind: "device" } : null;
    case "gallery":
    case "not-found":
      return null;
    default: {
      const unhandled: never = route;
      return unhandled;
    }
  }
}

function pathOf(text: string): string | null {
  if (text === "" || /\s/.test(text)) return null;
  if (text.startsWith("/")) return parsedPath(`https://host.invalid${text}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return /^https?:\/\//i.test(text) ? parsedPath(text) : null;
  // "wb.example.com/b/…": what some address bars copy, and what people type.
  return parsedPath(`https://${text}`);
}

function parsedPath(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

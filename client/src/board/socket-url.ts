/**
 * The y-websocket provider's server URL for this page's origin: the provider appends
 * `/<boardId>`, giving SPEC's `/ws/:boardId`. Same origin, so the server's Origin check passes
 * and a page served over https gets wss.
 */
export function boardSocketBase(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws`;
}

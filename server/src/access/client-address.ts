import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * The client's address as rate limits see it: the socket's peer, unless that peer is one of
 * `TRUST_PROXY`'s proxies, whose `X-Forwarded-For` is then believed (and only theirs). Fastify
 * does the same for HTTP requests from the same list; WebSocket upgrades come here.
 */
export function clientAddressOf(trustedProxies: readonly string[]): (request: IncomingMessage) => string {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => proxyAddr(request, trust);
}

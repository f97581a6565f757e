import type { FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";
import { isAllowedOrigin, requestHost } from "../access/origin.js";
import { sendError } from "./errors.js";

/**
 * SPEC's policy. The built app needs no inline script and no eval; React sets styles through
 * the CSSOM, which `style-src 'self'` allows. Images come from the app itself, `data:` (the
 * favicon) and `blob:` (exports, the offline copy's pictures); WebSocket and EventSource are
 * same-origin, which `'self'` covers.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Headers and cross-site refusals in one place: helmet sets SPEC's headers (and nosniff) on
 * every response, hijacked SSE streams included, since it writes them onto the raw response
 * before any route runs.
 */
export async function registerSecurity(app: FastifyInstance, allowedOrigins: readonly string[], https = false): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: { policy: "no-referrer" },
    // Only when this server itself speaks TLS: over plain HTTP (loopback, or behind a proxy that
    // terminates TLS and sets its own) HSTS would only confuse.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
  });

  const allowed = new Set(allowedOrigins);
  // A browser always sends `Origin` on these methods; a script need not, and holds no cookie of
  // a victim's to ride on, so a missing `Origin` is allowed as for WebSockets.
  // Every such method, whatever the path: the router decodes `/%61pi/...` into `/api/...`, so a
  // prefix test on the raw URL would let it through. Pages and assets are GET only anyway.
  // The raw `Host`, as for WebSocket upgrades: one rule, whoever forwards the request.
  app.addHook("onRequest", async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, requestHost(request.headers), allowed)) {
      return sendError(reply, "forbidden", "Cross-site requests may not change anything here.");
    }
  });
}

/**
 * One line per request at `debug`, naming the route's pattern (`/api/boards/:id`), never the
 * URL: URLs carry capabilities, and logs travel further than anyone means them to.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    request.log.debug(
      { method: request.method, route: request.routeOptions.url ?? "(none)", status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      "request",
    );
  });
}

import type { FastifyInstance } from "fastify";
import rateLimit from "@fastify/rate-limit";

export interface RateLimitOptions {
  /** Requests one client address may make to `/api/` per window. */
  max: number;
  windowMs: number;
}

/**
 * Ten requests a second per address, sustained over a minute, is far above what a person's tabs
 * do (a gallery polls once a minute) and far below what a script hammering the API would.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, windowMs: 60_000 };

export const RATE_LIMITED_ERROR_CODE = "WB_RATE_LIMITED";

/**
 * The viewer feed is not counted: a browser's `EventSource` that gets a 429 gives up for good,
 * and after a restart every viewer behind one NAT reconnects within seconds.
 */
const VIEWER_FEED = /^\/api\/view\/[^/]+\/events(?:\?|$)/;

/** Per-address limit on the JSON API; pages, assets and the viewer feed are not limited. */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    max: options.max,
    timeWindow: options.windowMs,
    allowList: (request) => !request.url.startsWith("/api/") || VIEWER_FEED.test(request.url),
    // Thrown by the plugin and turned into SPEC's body by the one error handler; the plugin has
    // already set `Retry-After`.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests; retry in ${context.after}.`), {
        statusCode: 429,
        code: RATE_LIMITED_ERROR_CODE,
      }),
  });
}

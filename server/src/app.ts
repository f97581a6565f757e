import { randomBytes } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import {
  MAX_JSON_BODY_BYTES,
  WS_MAX_BUFFERED_BYTES,
  WS_MESSAGES_PER_SECOND,
  WS_MESSAGE_BURST,
  WS_PING_INTERVAL_MS,
} from "@whiteboard/shared";
import type { Logger } from "pino";
import type { Store } from "./storage/store.js";
import { openSqliteStore } from "./storage/sqlite.js";
import { DEFAULT_REGISTRY_OPTIONS, type RegistryOptions, RoomRegistry } from "./rooms/registry.js";
import { attachWebSockets } from "./ws/upgrade.js";
import { registerViewerStream } from "./sse/stream.js";
import { ChannelCounters } from "./channels/channel-stats.js";
import { registerChannels } from "./http/channels.js";
import type { ConnectionLimits } from "./ws/connection.js";
import { registerErrorHandlers } from "./http/errors.js";
import { registerHealth } from "./http/health.js";
import { registerBoards } from "./http/boards.js";
import { registerView } from "./http/view.js";
import { registerStatic } from "./http/static.js";
import { registerLibrary } from "./http/library.js";
import { registerLibraries } from "./http/libraries.js";
import { registerAdmin } from "./http/admin.js";
import { registerRequestLog, registerSecurity } from "./http/security.js";
import type { RouteDeps } from "./http/route-deps.js";
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, registerRateLimit } from "./http/rate-limit.js";
import cookie from "@fastify/cookie";
import { Members } from "./access/members.js";
import { Capabilities } from "./access/capabilities.js";
import { DEFAULT_LOOKUP_LIMIT, type LookupLimit, LookupLimiter } from "./access/lookup-limiter.js";
import { LibraryEtags } from "./access/library-etag.js";
import { clientAddressOf } from "./access/client-address.js";
import { type TrashPurge, startTrashPurge } from "./storage/trash-purge.js";
import { trackConnections } from "./http/connections.js";

export interface AppOptions {
  /** Where the SQLite file lives. Tests pass a fresh temporary directory. */
  dataDir: string;
  /**
   * A store opened already (PostgreSQL's opens asynchronously), used instead of SQLite in
   * `dataDir`. The app owns it from here and closes it last.
   */
  store?: Store;
  logger: Logger;
  /** The built client (`client/dist`); pages are not served when absent. */
  clientDir?: string;
  /** Extra origins allowed to open editor WebSockets (`ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /** Defaults to `DEFAULT_RATE_LIMIT`; tests lower it. */
  rateLimit?: RateLimitOptions;
  /** Room lifecycle and batching; tests shorten the unload grace. */
  rooms?: Partial<RegistryOptions>;
  /** How long requests in flight may take once shutdown starts (default 2 s). */
  shutdownDrainMs?: number;
  /** Per-editor WebSocket limits; defaults from `shared`'s limits. */
  connection?: Partial<ConnectionLimits>;
  /** `TRUST_PROXY`: proxies whose `X-Forwarded-*` headers are believed. */
  trustProxy?: readonly string[];
  /** `ADMIN_TOKEN`; the operators' endpoints 404 without one. */
  adminToken?: string;
  /** Failed capability lookups per address; defaults to `DEFAULT_LOOKUP_LIMIT`. */
  lookupLimit?: LookupLimit;
  /** The clock for the trash and device links; tests move it. */
  now?: () => Date;
  /** `TLS_CERT`/`TLS_KEY`: HTTPS, with HTTP/2 (ALPN `h2`) and HTTP/1.1 on the same port. */
  tls?: { cert: Buffer; key: Buffer };
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  messagesPerSecond: WS_MESSAGES_PER_SECOND,
  messageBurst: WS_MESSAGE_BURST,
  maxBufferedBytes: WS_MAX_BUFFERED_BYTES,
  pingIntervalMs: WS_PING_INTERVAL_MS,
};

export interface App {
  readonly http: FastifyInstance;
  readonly store: Store;
  readonly rooms: RoomRegistry;
  readonly etags: LibraryEtags;
  /** The trash job, which also runs on its own every hour. */
  readonly trashPurge: TrashPurge;
  /** Resolves with the base URL once the server accepts connections (port 0 picks a free one). */
  listen(port: number, host: string): Promise<URL>;
  /** Stops accepting, lets in-flight requests finish, then closes the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Builds a whole server: nothing is read from the environment or held in module state, so a test
 * can run several side by side, each on port 0 with its own data directory.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const now = options.now ?? (() => new Date());
  const store = options.store ?? openSqliteStore(options.dataDir, now);
  const trustProxy = options.trustProxy ?? [];
  const tls = options.tls;
  const serverOptions = {
    // Widened so routes see fastify's logger type; it is the same pino instance.
    loggerInstance: options.logger as FastifyBaseLogger,
    // A gallery polls once a minute per tab: per-request lines would drown the useful ones.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_JSON_BODY_BYTES,
    // Ids are matched by an allow-list after routing; a bounded parameter keeps lookups cheap.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // Only these proxies may set the client address (rate limits) and the scheme (Secure cookie).
    ...(trustProxy.length > 0 ? { trustProxy: [...trustProxy] } : {}),
  };
  // Over TLS, HTTP/2 for browsers (every viewer stream of a browser shares one connection, where
  // HTTP/1.1 allows six per origin) and HTTP/1.1 beside it on the same port, for editors'
  // WebSocket upgrades and clients without h2. The routes are written against fastify's
  // HTTP/1.1 types; what differs at runtime (the SSE stream's raw response, shutdown) is
  // handled where it happens.
  const http = (
    tls
      ? Fastify({ ...serverOptions, http2: true, https: { allowHTTP1: true, cert: tls.cert, key: tls.key } })
      : Fastify(serverOptions)
  ) as unknown as FastifyInstance;
  const connections = trackConnections(http.server);

  registerErrorHandlers(http);
  registerRequestLog(http);
  await registerSecurity(http, options.allowedOrigins ?? [], tls !== undefined);
  await http.register(cookie);
  await registerRateLimit(http, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  registerHealth(http);
  const rooms = new RoomRegistry(store, options.logger, { ...DEFAULT_REGISTRY_OPTIONS, ...options.rooms });
  const etags = new LibraryEtags(store, randomBytes(6).toString("base64url"));
  rooms.onCountsChange((boardKey) => etags.boardCountsChanged(boardKey));
  const capabilities = new Capabilities(store, new LookupLimiter(options.lookupLimit ?? DEFAULT_LOOKUP_LIMIT));
  const counters = new ChannelCounters();
  const deps: RouteDeps = { store, live: rooms, members: new Members(store), capabilities, etags, now, counters };
  registerBoards(http, deps);
  registerLibrary(http, deps);
  registerLibraries(http, deps);
  registerAdmin(http, deps, options.adminToken);
  registerView(http, deps);
  registerViewerStream(http, capabilities, rooms, counters);
  registerChannels(http, counters);
  if (options.clientDir) await registerStatic(http, options.clientDir);
  const trashPurge = startTrashPurge(store, now, options.logger);

  const webSockets = attachWebSockets(http.server, {
    capabilities,
    clientAddress: clientAddressOf(trustProxy),
    registry: rooms,
    allowedOrigins: options.allowedOrigins ?? [],
    limits: { ...DEFAULT_CONNECTION_LIMITS, ...options.connection },
    logger: options.logger,
    counters,
  });

  let closing: Promise<void> | undefined;
  return {
    http,
    store,
    rooms,
    etags,
    trashPurge,
    async listen(port, host) {
      const address = await http.listen({ port, host });
      return new URL(address);
    },
    close() {
      closing ??= (async () => {
        // Editors first: their rooms flush to the store, which closes last.
        trashPurge.stop();
        webSockets.close();
        await rooms.closeAll();
        // Requests in flight get a moment to finish; then connections that never sent one (an
        // HTTP client's spare connection, say) are cut rather than waited for.
        const drain = setTimeout(() => connections.closeAll(), options.shutdownDrainMs ?? 2000);
        await http.close();
        clearTimeout(drain);
        await store.close();
      })();
      return closing;
    },
  };
}

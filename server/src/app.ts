import { randomBytes } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { MAX_JSON_BODY_BYTES } from "@whiteboard/shared";
import type { Store } from "./storage/store.js";
import { openSqliteStore } from "./storage/sqlite.js";
import { NO_LIVE_BOARDS } from "./rooms/live-boards.js";
import { registerErrorHandlers } from "./http/errors.js";
import { registerHealth } from "./http/health.js";
import { registerBoards } from "./http/boards.js";
import { registerView } from "./http/view.js";
import { registerStatic } from "./http/static.js";
import { DEFAULT_RATE_LIMIT, type RateLimitOptions, registerRateLimit } from "./http/rate-limit.js";

export interface AppOptions {
  /** Where the SQLite file lives. Tests pass a fresh temporary directory. */
  dataDir: string;
  logger: FastifyBaseLogger;
  /** The built client (`client/dist`); pages are not served when absent. */
  clientDir?: string;
  /** Defaults to `DEFAULT_RATE_LIMIT`; tests lower it. */
  rateLimit?: RateLimitOptions;
}

export interface App {
  readonly http: FastifyInstance;
  readonly store: Store;
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
  const store = openSqliteStore(options.dataDir);
  const http = Fastify({
    loggerInstance: options.logger,
    // A gallery polls once a minute per tab: per-request lines would drown the useful ones.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_JSON_BODY_BYTES,
    // Ids are matched by an allow-list after routing; a bounded parameter keeps lookups cheap.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  });

  registerErrorHandlers(http);
  await registerRateLimit(http, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  registerHealth(http);
  registerBoards(http, { store, live: NO_LIVE_BOARDS, bootId: randomBytes(6).toString("base64url") });
  registerView(http, store);
  if (options.clientDir) await registerStatic(http, options.clientDir);

  let closing: Promise<void> | undefined;
  return {
    http,
    store,
    async listen(port, host) {
      const address = await http.listen({ port, host });
      return new URL(address);
    },
    close() {
      closing ??= (async () => {
        await http.close();
        await store.close();
      })();
      return closing;
    },
  };
}

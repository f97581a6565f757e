import { pino } from "pino";
import { onTestFinished } from "vitest";
import { type App, type AppOptions, buildApp } from "../app.js";
import { tempDir } from "./temp-dir.js";
import { type MemberClient, memberClient } from "./member-client.js";

export interface TestServer {
  app: App;
  url: URL;
  dataDir: string;
  /** `fetch` against this server; `path` is relative to its root. */
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, method: string, body: unknown): Promise<Response>;
  /** A new browser: its own cookie jar, and so its own member once the server sets one. */
  member(): MemberClient;
  /** A board's internal key (rooms are keyed by it), from its edit id. */
  keyOf(id: string): Promise<string>;
}

/** A whole server on a free port with its own data directory, closed when the test ends. */
export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const app = await buildApp({ shutdownDrainMs: 100, ...options, dataDir, logger });
  const url = await app.listen(0, "127.0.0.1");
  onTestFinished(() => app.close());
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, url), init);
  return {
    app,
    url,
    dataDir,
    request,
    json: (path, method, body) =>
      request(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    member: () => memberClient(url),
    async keyOf(id) {
      const board = await app.store.getBoard(id);
      if (!board) throw new Error("no live board with this id");
      return board.key;
    },
  };
}

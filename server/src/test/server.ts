import { pino } from "pino";
import { onTestFinished } from "vitest";
import { type App, type AppOptions, buildApp } from "../app.js";
import { tempDir } from "./temp-dir.js";

export interface TestServer {
  app: App;
  url: URL;
  dataDir: string;
  /** `fetch` against this server; `path` is relative to its root. */
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, method: string, body: unknown): Promise<Response>;
}

/** A whole server on a free port with its own data directory, closed when the test ends. */
export async function startTestServer(options: Partial<Omit<AppOptions, "logger">> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const app = await buildApp({ shutdownDrainMs: 100, ...options, dataDir, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) });
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
  };
}

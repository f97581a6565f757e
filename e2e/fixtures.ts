import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { test as base } from "@playwright/test";

const SERVER_MAIN = fileURLToPath(new URL("../server/dist/main.js", import.meta.url));
const START_TIMEOUT_MS = 20_000;

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  process: ChildProcess;
}

/**
 * Starts the real, built server the way `npm start` does (`node server/dist/main.js`), on a free
 * port with a temporary data directory, and resolves once it logs `listening on`.
 */
export async function startServer(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wb-e2e-")),
  /** More environment, e.g. `TLS_CERT` and `TLS_KEY`. */
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not log `listening on` in time")), START_TIMEOUT_MS);
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /listening on (https?:\/\/[^\s"]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, dataDir, process: child };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await exited;
}

export const test = base.extend<{ server: RunningServer }>({
  // A server per test: the gallery lists every board, so tests must not share one.
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await stopServer(server);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  },
});

export { expect } from "@playwright/test";

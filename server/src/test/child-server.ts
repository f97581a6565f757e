import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { onTestFinished } from "vitest";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/**
 * The built server in a child process (`node server/dist/main.js`, as `npm start` runs it), for
 * what an in-process server cannot show: being killed.
 */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<{ url: URL; child: ChildProcess }> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (npm run build)`);
  return startChild([MAIN], dataDir, env);
}

const COMPACTING_CHILD = fileURLToPath(new URL("./compacting-child.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The server from source, folding its logs every few dozen updates (`compacting-child.ts`). */
export function startCompactingChild(dataDir: string): Promise<{ url: URL; child: ChildProcess }> {
  return startChild(["--import", TSX, COMPACTING_CHILD], dataDir);
}

async function startChild(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("child server did not start")), 15_000);
    child.once("exit", (code) => reject(new Error(`child server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /listening on (https?:\/\/[^\s"]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    });
  });
  return { url, child };
}

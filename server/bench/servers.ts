/**
 * The servers a benchmark runs against, each started fresh in its own process on 127.0.0.1:
 * ours from server/dist, and the y-websocket@2 reference server (`bin/server.cjs`). Both run
 * with the loop-delay probe preloaded (loop-delay-probe.mjs), so every bench can read the
 * server's event-loop delay over its window.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startNodeProcess, type ServerProcess } from "./child.js";
import { loopDelayProbeArgs, readLoopDelay, type LoopDelayReader } from "./loop-delay.js";

export type ServerKind = "ours" | "reference";
export const SERVER_KINDS: readonly ServerKind[] = ["ours", "reference"];

export interface ServerUnderTest {
  kind: ServerKind;
  /** Where an editor of the one board (or room) under load connects. */
  wsUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
  /** For a signal handler: SIGKILL and clean up now, synchronously. */
  killNow(): void;
  endedEarly(): string | undefined;
  /** The server's own event-loop delay: reset at a window's start, read at its end. */
  loopDelay: LoopDelayReader;
  /** Another board on the same server (ours only: the reference has no boards to create). */
  newBoard?: () => Promise<BenchBoard>;
}

/** A board's two doors: where its editors connect, and its viewers' event stream. */
export interface BenchBoard {
  wsUrl: string;
  eventsUrl: string;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
/** The range this repo's benches may bind fixed ports in. */
const PORT_RANGE = { first: 3200, last: 3299 } as const;

export function ourServerEntry(repoRoot: string): string {
  return path.join(repoRoot, "server", "dist", "main.js");
}

function baseEnv(): NodeJS.ProcessEnv {
  // tsx adds NODE_PATH for its own resolution; a server under test should not inherit it.
  const { NODE_PATH: _ignored, ...env } = process.env;
  return env;
}

/** Pino logs JSON lines; the one we wait for is `listening on http://HOST:PORT`, at info. */
function listeningUrl(line: string): string | undefined {
  const match = /listening on (https?:\/\/[^\s"]+)/.exec(line);
  return match?.[1];
}

async function createBoard(httpUrl: string): Promise<BenchBoard> {
  const response = await fetch(`${httpUrl}/api/boards`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "bench" }),
  });
  const body: unknown = await response.json();
  if (
    response.status !== 201 ||
    typeof body !== "object" ||
    body === null ||
    !("id" in body) ||
    typeof body.id !== "string" ||
    !("viewId" in body) ||
    typeof body.viewId !== "string"
  ) {
    throw new Error(`POST /api/boards: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return { wsUrl: `${httpUrl.replace(/^http/, "ws")}/ws/${body.id}`, eventsUrl: `${httpUrl}/api/view/${body.viewId}/events` };
}

/** `BENCH_PROF=dir`: our server writes a CPU profile of each of its threads there (sampled every 0.5 ms). */
function profileArgs(): string[] {
  const dir = process.env.BENCH_PROF;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "500"] : [];
}

export async function startOurs(repoRoot: string): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "whiteboard-bench-"));
  const removeData = (): void => rmSync(dataDir, { recursive: true, force: true });
  let server: ServerProcess | undefined;
  try {
    const started = await startNodeProcess(
      ourServerEntry(repoRoot),
      { ...baseEnv(), PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_SERVER_LOG ? "debug" : "info" },
      listeningUrl,
      READY_TIMEOUT_MS,
      [...loopDelayProbeArgs(), ...profileArgs()],
    );
    server = started.server;
    const httpUrl = started.value;
    const board = await createBoard(httpUrl);
    const running = server;
    return {
      kind: "ours",
      wsUrl: board.wsUrl,
      newBoard: () => createBoard(httpUrl),
      pid: running.child.pid,
      endedEarly: () => running.endedEarly(),
      loopDelay: readLoopDelay(running),
      killNow: () => {
        running.child.kill("SIGKILL");
        removeData();
      },
      stop: async () => {
        await running.stop(STOP_GRACE_MS);
        removeData();
      },
    };
  } catch (err) {
    await server?.stop(0);
    removeData();
    throw err;
  }
}

/** The reference server prints its port but cannot be given 0: find a free one in our range. */
async function freePort(): Promise<number> {
  for (let port = PORT_RANGE.first; port <= PORT_RANGE.last; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
}

/** y-websocket@2 is a dev dependency under an alias; its exports map hides bin/, so go by path. */
export function referenceServerEntry(): string {
  const require = createRequire(import.meta.url);
  const packageJson = realpathSync(require.resolve("y-websocket-reference/package.json"));
  const entry = path.join(path.dirname(packageJson), "bin", "server.cjs");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: is y-websocket-reference y-websocket@2?`);
  return entry;
}

export async function startReference(): Promise<ServerUnderTest> {
  const port = await freePort();
  // Without YPERSISTENCE it keeps documents in memory only, which is the fair comparison for
  // cursors: awareness is never persisted by either server.
  const { YPERSISTENCE: _none, ...env } = baseEnv();
  const { server } = await startNodeProcess(
    referenceServerEntry(),
    { ...env, HOST: "127.0.0.1", PORT: String(port) },
    (line) => (line.startsWith("running at") ? true : undefined),
    READY_TIMEOUT_MS,
    loopDelayProbeArgs(),
  );
  const room = `cursor-bench-${Date.now().toString(36)}`;
  return {
    kind: "reference",
    wsUrl: `ws://127.0.0.1:${port}/${room}`,
    pid: server.child.pid,
    endedEarly: () => server.endedEarly(),
    loopDelay: readLoopDelay(server),
    killNow: () => server.child.kill("SIGKILL"),
    // It may hold seconds of queued sends; there is nothing to flush, so do not wait for it.
    stop: () => server.stop(0),
  };
}

export function startServer(kind: ServerKind, repoRoot: string): Promise<ServerUnderTest> {
  switch (kind) {
    case "ours":
      return startOurs(repoRoot);
    case "reference":
      return startReference();
    default: {
      const unknown: never = kind;
      throw new Error(`unknown server ${String(unknown)}`);
    }
  }
}

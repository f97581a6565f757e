/**
 * One (N, server) run of the cursor benchmark as a table row: the server is started fresh, loaded,
 * sampled for CPU, memory and event-loop delay over the window, and stopped whatever happens.
 */
import type { LoopDelay } from "../loop-delay.js";
import { watchServerWindow, type ServerWindow } from "../server-window.js";
import { startServer, type ServerKind, type ServerUnderTest } from "../servers.js";
import { runCursors, type CursorRunOptions, type CursorRunResult } from "./run.js";

export interface CursorBenchSettings {
  editors: number;
  observers: number;
  seconds: number;
  warmupSeconds: number;
}

export interface CursorRow {
  editors: number;
  server: ServerKind;
  result: CursorRunResult | undefined;
  error: string | undefined;
  cpuPercent: number | undefined;
  rssBytes: number | undefined;
  /** The server's event-loop delay over the window. */
  loopDelay: LoopDelay | undefined;
  /** Set when the server died under the load, before the bench stopped it. */
  serverEnded: string | undefined;
}

/** 30 Hz: a cursor sampled once per frame of a 30 fps budget (the figure). */
const CURSOR_INTERVAL_MS = 1000 / 30;
const EDITOR_PROCESSES = 2;
const DRAIN_QUIET_MS = 1_000;
const DRAIN_MAX_MS = 10_000;

/** The cursor load as the issue states it, on `url`, with the server watched over its window. */
export function cursorLoad(url: string, settings: CursorBenchSettings, serverWindow: ServerWindow): CursorRunOptions {
  return {
    url,
    editors: settings.editors,
    observers: settings.observers,
    editorProcesses: EDITOR_PROCESSES,
    intervalMs: CURSOR_INTERVAL_MS,
    warmupMs: settings.warmupSeconds * 1000,
    measureMs: settings.seconds * 1000,
    drainQuietMs: DRAIN_QUIET_MS,
    drainMaxMs: DRAIN_MAX_MS,
    onWindowStart: () => serverWindow.start(),
    onWindowEnd: () => serverWindow.end(),
  };
}

export async function benchCursors(
  kind: ServerKind,
  repoRoot: string,
  settings: CursorBenchSettings,
  onServer: (server: ServerUnderTest | undefined) => void,
): Promise<CursorRow> {
  const row: CursorRow = {
    editors: settings.editors,
    server: kind,
    result: undefined,
    error: undefined,
    cpuPercent: undefined,
    rssBytes: undefined,
    loopDelay: undefined,
    serverEnded: undefined,
  };
  let server: ServerUnderTest | undefined;
  try {
    server = await startServer(kind, repoRoot);
    onServer(server);
    const serverWindow = watchServerWindow(server);
    row.result = await runCursors(cursorLoad(server.wsUrl, settings, serverWindow));
    row.serverEnded = server.endedEarly();
    ({ cpuPercent: row.cpuPercent, rssBytes: row.rssBytes, loopDelay: row.loopDelay } = await serverWindow.figures());
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
  } finally {
    await server?.stop();
    onServer(undefined);
  }
  return row;
}

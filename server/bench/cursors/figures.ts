/**
 * One (N, server) run of the cursor benchmark as a table row: the server is started fresh, loaded,
 * sampled for CPU and memory over the window, and stopped whatever happens.
 */
import { sampleProcess, type ProcSample } from "../proc-stats.js";
import { startServer, type ServerKind, type ServerUnderTest } from "../servers.js";
import { runCursors, type CursorRunResult } from "./run.js";

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
  /** Set when the server died under the load, before the bench stopped it. */
  serverEnded: string | undefined;
}

/** 30 Hz: a cursor sampled once per frame of a 30 fps budget (the figure). */
const CURSOR_INTERVAL_MS = 1000 / 30;
const EDITOR_PROCESSES = 2;
const DRAIN_QUIET_MS = 1_000;
const DRAIN_MAX_MS = 10_000;

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
    serverEnded: undefined,
  };
  let server: ServerUnderTest | undefined;
  try {
    server = await startServer(kind, repoRoot);
    onServer(server);
    const pid = server.pid;
    let atStart: ProcSample | undefined;
    let atEnd: ProcSample | undefined;
    row.result = await runCursors({
      url: server.wsUrl,
      editors: settings.editors,
      observers: settings.observers,
      editorProcesses: EDITOR_PROCESSES,
      intervalMs: CURSOR_INTERVAL_MS,
      warmupMs: settings.warmupSeconds * 1000,
      measureMs: settings.seconds * 1000,
      drainQuietMs: DRAIN_QUIET_MS,
      drainMaxMs: DRAIN_MAX_MS,
      onWindowStart: () => (atStart = sampleProcess(pid)),
      onWindowEnd: () => (atEnd = sampleProcess(pid)),
    });
    row.serverEnded = server.endedEarly();
    if (atStart !== undefined && atEnd !== undefined) {
      row.cpuPercent = ((atEnd.cpuSeconds - atStart.cpuSeconds) / settings.seconds) * 100;
      row.rssBytes = atEnd.rssBytes;
    }
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
  } finally {
    await server?.stop();
    onServer(undefined);
  }
  return row;
}

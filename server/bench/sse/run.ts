/**
 * One run of the fan-out benchmark at V viewers: a fresh server and board, the editors connected,
 * the server's memory sampled, the viewers ramped up and sampled again, then warm-up, the
 * measured window, a bounded drain, and the results. Every wait is bounded and every process is
 * killed at the end, whatever happened, so a machine that cannot hold V still ends the run.
 */
import { fileURLToPath } from "node:url";
import { now } from "../cursors/clock.js";
import { editorIdentities } from "../editor-identities.js";
import { sleep } from "../sleep.js";
import type { LoopDelay } from "../loop-delay.js";
import { cpuSeconds, sampleProcess, type ProcSample } from "../proc-stats.js";
import type { ServerUnderTest } from "../servers.js";
import { startBoardServer } from "./board-server.js";
import { drain } from "../drain.js";
import { LoadProcess } from "../load-process.js";
import type { FromLoad, ToEditors, ToViewers, ViewersResult } from "./messages.js";
import { planSlots } from "./slots.js";
import { summarize, type SseFigures } from "./stats.js";

export interface SseRunSettings {
  viewers: number;
  editors: number;
  probes: number;
  viewerProcesses: number;
  seconds: number;
  warmupSeconds: number;
}

export interface SseRow {
  viewersAsked: number;
  /** Viewers holding a stream when the ramp ended. */
  viewersReady: number;
  editorsReady: number;
  rampSeconds: number | undefined;
  /**
   * The server's CPU over the ramp, % of one core. Every join changes the viewer count that
   * `presence` carries, so while viewers arrive the server writes up to 20 events a second to
   * everyone already there: joins slow down as the audience grows.
   */
  rampServerCpuPercent: number | undefined;
  /** Why viewers did not connect, by kind, with counts. */
  connectErrors: Record<string, number>;
  figures: SseFigures | undefined;
  /** (RSS with the viewers connected - RSS before) / viewers, idle but for presence of joins. */
  bytesPerViewerIdle: number | undefined;
  /** The same at the end of the window, with the load's queued writes and garbage. */
  bytesPerViewerLoaded: number | undefined;
  serverCpuPercent: number | undefined;
  /** The server's event-loop delay over the window. */
  serverLoopDelay: LoopDelay | undefined;
  loadCpuPercent: number | undefined;
  drainMs: number | undefined;
  /** The drain was cut at its bound while events were still arriving. */
  drainCut: boolean;
  error: string | undefined;
}

const EDITOR_CONNECT_TIMEOUT_MS = 10_000;
const VIEWER_CONNECT_TIMEOUT_MS = 10_000;
/** Connections each viewer process has in flight during the ramp. */
const RAMP_CONCURRENCY = 8;
/**
 * The ramp stops starting connections after this; what it reached is what is measured. Near
 * 10,000 viewers joins slow to a few dozen a second on a busy 2-core machine (see
 * `rampServerCpuPercent`), so the bound is generous.
 */
const RAMP_MAX_MS = 180_000;
/** After the editors join, before the baseline: the room is loaded and the heap has settled. */
const BASELINE_SETTLE_MS = 1_000;
/** After the ramp, before the "connected" sample: joins' presence events written out. */
const RAMP_SETTLE_MS = 2_000;
const SCHEDULE_LEAD_MS = 300;
const DRAIN_QUIET_MS = 1_000;
/** The brief's bound: the window plus this, then everything is killed. */
const DRAIN_MAX_MS = 15_000;
const REPORT_TIMEOUT_MS = 15_000;
const RAMP_PROGRESS_MS = 5_000;

function perViewer(after: ProcSample | undefined, before: ProcSample | undefined, viewers: number): number | undefined {
  if (after === undefined || before === undefined || viewers === 0) return undefined;
  return (after.rssBytes - before.rssBytes) / viewers;
}

function mergeErrors(into: Record<string, number>, from: Record<string, number>): void {
  for (const [kind, count] of Object.entries(from)) into[kind] = (into[kind] ?? 0) + count;
}

export async function runFanOut(
  repoRoot: string,
  settings: SseRunSettings,
  onServer: (server: ServerUnderTest | undefined) => void,
  log: (line: string) => void,
): Promise<SseRow> {
  const row: SseRow = {
    viewersAsked: settings.viewers,
    viewersReady: 0,
    editorsReady: 0,
    rampSeconds: undefined,
    rampServerCpuPercent: undefined,
    connectErrors: {},
    figures: undefined,
    bytesPerViewerIdle: undefined,
    bytesPerViewerLoaded: undefined,
    serverCpuPercent: undefined,
    serverLoopDelay: undefined,
    loadCpuPercent: undefined,
    drainMs: undefined,
    drainCut: false,
    error: undefined,
  };
  const editorModule = fileURLToPath(new URL("./editor-process.ts", import.meta.url));
  const viewerModule = fileURLToPath(new URL("./viewer-process.ts", import.meta.url));
  let server: ServerUnderTest | undefined;
  const slotGroups = planSlots(settings.viewers, settings.probes, settings.viewerProcesses);
  // Forked first, so their start-up (tsx compiling them) is over before anything is timed.
  const editorProc = new LoadProcess<ToEditors, FromLoad>("editor process", editorModule);
  const viewerProcs = slotGroups.map((_, i) => new LoadProcess<ToViewers, FromLoad>(`viewer process ${i + 1}`, viewerModule));
  try {
    const board = await startBoardServer(repoRoot);
    server = board.server;
    onServer(server);
    const pid = server.pid;

    editorProc.send({ type: "connect", wsUrl: board.wsUrl, editors: editorIdentities(settings.editors), timeoutMs: EDITOR_CONNECT_TIMEOUT_MS });
    const editorsConnected = await editorProc.next("connected", EDITOR_CONNECT_TIMEOUT_MS * 2);
    row.editorsReady = editorsConnected.ready;
    if (editorsConnected.ready === 0) throw new Error(`no editor could connect: ${Object.keys(editorsConnected.errors)[0] ?? "unknown"}`);
    await sleep(BASELINE_SETTLE_MS);
    const baseline = sampleProcess(pid);

    const rampStart = now();
    const serverAtRampStart = sampleProcess(pid);
    viewerProcs.forEach((proc, i) =>
      proc.send({
        type: "connect",
        host: board.host,
        port: board.port,
        path: board.eventsPath,
        slots: slotGroups[i] ?? [],
        concurrency: RAMP_CONCURRENCY,
        connectTimeoutMs: VIEWER_CONNECT_TIMEOUT_MS,
        rampDeadline: rampStart + RAMP_MAX_MS,
      }),
    );
    const rampLog = setInterval(() => {
      const open = viewerProcs.reduce((n, p) => n + (p.progress?.open ?? 0), 0);
      log(`  ramp: ${open} of ${settings.viewers} viewers after ${((now() - rampStart) / 1000).toFixed(0)} s`);
    }, RAMP_PROGRESS_MS);
    let connected;
    try {
      connected = await Promise.all(viewerProcs.map((p) => p.next("connected", RAMP_MAX_MS + VIEWER_CONNECT_TIMEOUT_MS * 2)));
    } finally {
      clearInterval(rampLog);
    }
    row.rampSeconds = (now() - rampStart) / 1000;
    const serverAtRampEnd = sampleProcess(pid);
    if (serverAtRampStart !== undefined && serverAtRampEnd !== undefined) {
      row.rampServerCpuPercent = ((serverAtRampEnd.cpuSeconds - serverAtRampStart.cpuSeconds) / row.rampSeconds) * 100;
    }
    for (const c of connected) mergeErrors(row.connectErrors, c.errors);
    row.viewersReady = connected.reduce((n, c) => n + c.ready, 0);
    if (connected.reduce((n, c) => n + c.probes, 0) === 0) {
      throw new Error(`no probe viewer could connect: ${Object.keys(row.connectErrors)[0] ?? "unknown"}`);
    }
    log(`  ramp: ${row.viewersReady} of ${settings.viewers} viewers in ${row.rampSeconds.toFixed(1)} s`);
    await sleep(RAMP_SETTLE_MS);
    row.bytesPerViewerIdle = perViewer(sampleProcess(pid), baseline, row.viewersReady);

    const all: Array<LoadProcess<ToEditors, FromLoad> | LoadProcess<ToViewers, FromLoad>> = [editorProc, ...viewerProcs];
    const sendStart = now() + SCHEDULE_LEAD_MS;
    const windowStart = sendStart + settings.warmupSeconds * 1000;
    const windowEnd = windowStart + settings.seconds * 1000;
    const schedule = { type: "schedule", sendStart, windowStart, windowEnd } as const;
    editorProc.send(schedule);
    for (const proc of viewerProcs) proc.send(schedule);
    const loadPids = all.map((p) => p.pid);
    await sleep(windowStart - now());
    const atStart = sampleProcess(pid);
    const loadAtStart = cpuSeconds(loadPids);
    await sleep(windowEnd - now());
    const atEnd = sampleProcess(pid);
    const loadAtEnd = cpuSeconds(loadPids);
    if (atStart !== undefined && atEnd !== undefined) row.serverCpuPercent = ((atEnd.cpuSeconds - atStart.cpuSeconds) / settings.seconds) * 100;
    if (loadAtStart !== undefined && loadAtEnd !== undefined) row.loadCpuPercent = ((loadAtEnd - loadAtStart) / settings.seconds) * 100;
    row.bytesPerViewerLoaded = perViewer(atEnd, baseline, row.viewersReady);

    const drained = await drain(() => viewerProcs.reduce((n, p) => n + (p.progress?.events ?? 0), 0), windowEnd, DRAIN_QUIET_MS, DRAIN_MAX_MS);
    row.drainMs = drained.ms;
    row.serverLoopDelay = await server.loopDelay.read(windowStart, windowEnd);
    row.drainCut = drained.cut;

    for (const proc of all) proc.send({ type: "finish" });
    const editorReport = await editorProc.next("result", REPORT_TIMEOUT_MS);
    const viewerReports = await Promise.all(viewerProcs.map((p) => p.next("result", REPORT_TIMEOUT_MS)));
    const editorResult = editorReport.result;
    const viewerResults = viewerReports.map((r) => r.result).filter((r): r is ViewersResult => r.role === "viewers");
    if (editorResult.role !== "editors" || viewerResults.length !== viewerProcs.length) throw new Error("a load process reported the wrong kind of result");
    row.figures = summarize(editorResult, viewerResults, row.editorsReady, settings.seconds);
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
  } finally {
    editorProc.kill();
    for (const proc of viewerProcs) proc.kill();
    await server?.stop();
    onServer(undefined);
  }
  return row;
}

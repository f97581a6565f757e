/**
 * One cursor run against one server: fork the load, ramp the connections up, warm up, measure,
 * let what is in flight drain, collect. Every wait is bounded, so a server that falls behind
 * ends its run with what it delivered instead of hanging the bench.
 */
import { fileURLToPath } from "node:url";
import { now } from "./clock.js";
import { editorIdentities } from "../editor-identities.js";
import { sleep } from "../sleep.js";
import { cpuSeconds, sampleProcess } from "../proc-stats.js";
import { LoadProcess } from "../load-process.js";
import type { EditorResult, FromLoad, ObserverResult, ToLoad } from "./messages.js";
import { concatenate, summarize, type CursorFigures } from "./stats.js";
import { drain } from "../drain.js";

export interface CursorRunOptions {
  url: string;
  editors: number;
  observers: number;
  /** Processes the editors are spread over; observers get one of their own. */
  editorProcesses: number;
  intervalMs: number;
  warmupMs: number;
  measureMs: number;
  /** The drain ends once observers received nothing new for this long... */
  drainQuietMs: number;
  /** ...or after this long, whichever comes first. */
  drainMaxMs: number;
  /** Called at the window's edges, e.g. to sample the server's CPU time. */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
  /** What every socket syncs from; absent: an empty doc (see ConnectCommand). */
  stateVector?: Uint8Array;
  /** More load on the same board, connected, scheduled and finished with the cursors. */
  companions?: readonly CompanionLoad[];
  /** Once every socket is open, before the schedule goes out. */
  onConnected?: () => Promise<void>;
}

/**
 * Another kind of load beside the cursors (the big board's pens): the run connects it after the
 * observers, schedules it with the same times, finishes it after the drain and kills it at the
 * end. It keeps its own results.
 */
export interface CompanionLoad {
  readonly pids: ReadonlyArray<number | undefined>;
  connect(url: string, stateVector: Uint8Array | undefined): Promise<void>;
  schedule(times: { sendStart: number; windowStart: number; windowEnd: number }): void;
  finish(): Promise<void>;
  kill(): void;
}

export interface CursorRunResult {
  figures: CursorFigures;
  editorsReady: number;
  observersReady: number;
  connectErrors: string[];
  drainMs: number;
  /** The drain was cut at drainMaxMs while states were still arriving. */
  drainCut: boolean;
  /** CPU the load processes used in the window, in % of one core: the load competes for cores. */
  loadCpuPercent: number | undefined;
  /** Every observer's document-update receipts (ObserverResult.updateReceipts), end to end. */
  updateReceipts: Float64Array;
}

/** Handshakes in flight per load process: a browser-like trickle, not a SYN flood. */
const CONNECT_CONCURRENCY = 20;
const CONNECT_TIMEOUT_MS = 15_000;
/** The whole ramp, however many sockets: past it the run is reported as failed. */
const RAMP_TIMEOUT_MS = 90_000;
const REPORT_TIMEOUT_MS = 15_000;
/** Between the schedule going out and the first send, so every process has it in hand. */
const SCHEDULE_LEAD_MS = 300;

function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]?.push(item));
  return out.filter((part) => part.length > 0);
}

export async function runCursors(options: CursorRunOptions): Promise<CursorRunResult> {
  const editorModule = fileURLToPath(new URL("./editor-process.ts", import.meta.url));
  const observerModule = fileURLToPath(new URL("./observer-process.ts", import.meta.url));
  const editorGroups = split(editorIdentities(options.editors), options.editorProcesses);
  const editorProcs = editorGroups.map((_, i) => new LoadProcess<ToLoad, FromLoad>(`editor process ${i + 1}`, editorModule));
  const observerProc = new LoadProcess<ToLoad, FromLoad>("observer process", observerModule);
  const all = [...editorProcs, observerProc];
  const companions = options.companions ?? [];
  const stateVector = options.stateVector === undefined ? {} : { stateVector: options.stateVector };
  try {
    // Observers first, so they are attached before the first cursor moves.
    observerProc.send({
      type: "connect",
      role: "observers",
      url: options.url,
      clients: editorIdentities(options.observers),
      concurrency: CONNECT_CONCURRENCY,
      timeoutMs: CONNECT_TIMEOUT_MS,
      ...stateVector,
    });
    const observersConnected = await observerProc.next("connected", RAMP_TIMEOUT_MS);
    editorProcs.forEach((proc, i) =>
      proc.send({
        type: "connect",
        role: "editors",
        url: options.url,
        clients: editorGroups[i] ?? [],
        concurrency: CONNECT_CONCURRENCY,
        timeoutMs: CONNECT_TIMEOUT_MS,
        ...stateVector,
      }),
    );
    const [editorsConnected] = await Promise.all([
      Promise.all(editorProcs.map((p) => p.next("connected", RAMP_TIMEOUT_MS))),
      Promise.all(companions.map((c) => c.connect(options.url, options.stateVector))),
    ]);
    const connectErrors = [observersConnected, ...editorsConnected]
      .map((c) => c.firstError)
      .filter((e): e is string => e !== undefined);
    const editorsReady = editorsConnected.reduce((sum, c) => sum + c.ready, 0);
    if (observersConnected.ready === 0) throw new Error(`no observer could connect: ${connectErrors[0] ?? "unknown"}`);
    await options.onConnected?.();

    const sendStart = now() + SCHEDULE_LEAD_MS;
    const windowStart = sendStart + options.warmupMs;
    const windowEnd = windowStart + options.measureMs;
    for (const proc of all) {
      proc.send({ type: "schedule", sendStart, windowStart, windowEnd, intervalMs: options.intervalMs });
    }
    for (const companion of companions) companion.schedule({ sendStart, windowStart, windowEnd });
    const pids = [...all.map((p) => p.pid), ...companions.flatMap((c) => c.pids)];
    await sleep(windowStart - now());
    options.onWindowStart?.();
    const loadCpuAtStart = cpuSeconds(pids);
    await sleep(windowEnd - now());
    options.onWindowEnd?.();
    const loadCpuAtEnd = cpuSeconds(pids);

    const drained = await drain(() => observerProc.progress?.received ?? 0, windowEnd, options.drainQuietMs, options.drainMaxMs);
    const drainMs = drained.ms;

    for (const proc of all) proc.send({ type: "finish" });
    const [reports] = await Promise.all([
      Promise.all(all.map((p) => p.next("result", REPORT_TIMEOUT_MS))),
      Promise.all(companions.map((c) => c.finish())),
    ]);
    const editorResults = reports.map((r) => r.result).filter((r): r is EditorResult => r.role === "editors");
    const observerResults = reports.map((r) => r.result).filter((r): r is ObserverResult => r.role === "observers");
    return {
      figures: summarize(editorResults, observerResults, observersConnected.ready, editorsReady, options.measureMs / 1000, drainMs),
      editorsReady,
      observersReady: observersConnected.ready,
      connectErrors,
      drainMs,
      drainCut: drained.cut,
      updateReceipts: concatenate(observerResults.map((o) => o.updateReceipts)),
      loadCpuPercent:
        loadCpuAtStart === undefined || loadCpuAtEnd === undefined
          ? undefined
          : ((loadCpuAtEnd - loadCpuAtStart) / (options.measureMs / 1000)) * 100,
    };
  } finally {
    for (const proc of all) proc.kill();
    for (const companion of companions) companion.kill();
  }
}

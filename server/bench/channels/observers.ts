/**
 * The counter-example: observers served over WebSockets (the y-websocket protocol: each does the
 * sync handshake and, as a stock provider does, announces an awareness state and renews it every
 * 15 s) against the same number of SSE viewers, on our server, while one editor draws steadily
 * (its cursor at 30 Hz, 3 strokes a second: sse/editor-process.ts); and the same WebSocket
 * observers on the y-websocket reference server, the baseline. Server memory, CPU, event-loop
 * delay and what it wrote.
 */
import { fileURLToPath } from "node:url";
import { now } from "../cursors/clock.js";
import { editorIdentities } from "../editor-identities.js";
import { LOOP_DELAY_HEADER, loopDelayCell } from "../format.js";
import { LoadProcess } from "../load-process.js";
import type { LoopDelay } from "../loop-delay.js";
import { sampleProcess } from "../proc-stats.js";
import { watchServerWindow } from "../server-window.js";
import type { ServerKind, ServerUnderTest } from "../servers.js";
import { sleep } from "../sleep.js";
import { CURSOR_HZ, STROKES_PER_SECOND } from "../sse/load-shape.js";
import type { FromLoad, ToEditors } from "../sse/messages.js";
import type { ChannelsArgs } from "./args.js";
import { openFleet, type Fleet } from "./client-fleet.js";
import { withFreshServer } from "./fresh-server.js";
import type { ReportTable } from "./report-table.js";
import { createSharedBoard } from "./shared-board.js";
import { tcpSnapshot, trafficBetween } from "./tcp-info.js";
import { figure, kilobytes, megabytes, whole } from "./units.js";

export type ObserverChannel = "websocket" | "sse";

export interface ObserverRow {
  label: string;
  server: ServerKind;
  channel: ObserverChannel;
  observers: number;
  ready: number;
  rampSeconds: number | undefined;
  /** Server CPU while the observers joined, % of one core. */
  rampCpuPercent: number | undefined;
  rssBaseline: number | undefined;
  /** Once the observers had joined and settled, before the window. */
  rssIdle: number | undefined;
  rssEnd: number | undefined;
  cpuPercent: number | undefined;
  loopDelay: LoopDelay | undefined;
  /** What the server wrote to all its clients per second of the window (tcp_info). */
  bytesPerSecond: number | undefined;
  packetsPerSecond: number | undefined;
  strokesSent: number | undefined;
  notes: string[];
  error: string | undefined;
}

const WARMUP_MS = 2_000;
const EDITOR_CONNECT_TIMEOUT_MS = 10_000;
const RAMP_TIMEOUT_MS = 120_000;
const SETTLE_MS = 2_000;
const SCHEDULE_LEAD_MS = 300;
const REPORT_TIMEOUT_MS = 20_000;

const ROWS: ReadonlyArray<{ server: ServerKind; channel: ObserverChannel; label: string }> = [
  { server: "ours", channel: "websocket", label: "WebSocket observers, our server" },
  { server: "ours", channel: "sse", label: "SSE viewers, our server" },
  { server: "reference", channel: "websocket", label: "WebSocket observers, y-websocket reference" },
];

/** Where the editor connects and the observers attach, on either server. */
async function targets(server: ServerUnderTest, channel: ObserverChannel): Promise<{ wsUrl: string; host: string; port: number; path: string }> {
  if (server.kind === "reference") {
    const url = new URL(server.wsUrl);
    return { wsUrl: server.wsUrl, host: url.hostname, port: Number(url.port), path: url.pathname };
  }
  const board = await createSharedBoard(server);
  return { wsUrl: board.wsUrl, host: board.host, port: board.port, path: channel === "sse" ? board.eventsPath : new URL(board.wsUrl).pathname };
}

async function measureRow(server: ServerUnderTest, row: ObserverRow, seconds: number): Promise<void> {
  const target = await targets(server, row.channel);
  const editor = new LoadProcess<ToEditors, FromLoad>("editor process", fileURLToPath(new URL("../sse/editor-process.ts", import.meta.url)));
  let fleet: Fleet | undefined;
  try {
    editor.send({ type: "connect", wsUrl: target.wsUrl, editors: editorIdentities(1), timeoutMs: EDITOR_CONNECT_TIMEOUT_MS });
    const connected = await editor.next("connected", EDITOR_CONNECT_TIMEOUT_MS * 2);
    if (connected.ready === 0) throw new Error(`the editor could not connect: ${Object.keys(connected.errors)[0] ?? "unknown"}`);
    await sleep(SETTLE_MS);
    row.rssBaseline = sampleProcess(server.pid)?.rssBytes;

    const rampStart = now();
    const cpuAtRamp = sampleProcess(server.pid)?.cpuSeconds;
    fleet = await openFleet({ kind: row.channel, host: target.host, port: target.port, path: target.path, awareness: row.channel === "websocket" }, row.observers, 0, RAMP_TIMEOUT_MS);
    row.rampSeconds = (now() - rampStart) / 1000;
    const cpuAfterRamp = sampleProcess(server.pid)?.cpuSeconds;
    if (cpuAtRamp !== undefined && cpuAfterRamp !== undefined) row.rampCpuPercent = ((cpuAfterRamp - cpuAtRamp) / row.rampSeconds) * 100;
    row.ready = fleet.ready;
    if (fleet.failed > 0) row.notes.push(`${fleet.failed} observers did not connect: ${Object.entries(fleet.errors).map(([k, n]) => `${n} × ${k}`).join(", ")}`);
    if (fleet.ready === 0) throw new Error("no observer could connect");
    await sleep(SETTLE_MS);
    row.rssIdle = sampleProcess(server.pid)?.rssBytes;

    const sendStart = now() + SCHEDULE_LEAD_MS;
    const windowStart = sendStart + WARMUP_MS;
    const windowEnd = windowStart + seconds * 1000;
    editor.send({ type: "schedule", sendStart, windowStart, windowEnd });
    fleet.schedule({ windowStart, windowEnd, polls: undefined });
    const window = watchServerWindow(server);
    await sleep(windowStart - now());
    window.start();
    const before = await tcpSnapshot(target);
    await sleep(windowEnd - now());
    window.end();
    const after = await tcpSnapshot(target);
    const figures = await window.figures();
    row.cpuPercent = figures.cpuPercent;
    row.rssEnd = figures.rssBytes;
    row.loopDelay = figures.loopDelay;
    // Every client socket: the observers' and the editor's, what the server wrote to all of them.
    const traffic = trafficBetween(before, after);
    row.bytesPerSecond = traffic.total.bytesReceived / seconds;
    row.packetsPerSecond = traffic.total.segsIn / seconds;
    if (traffic.closed > 0) row.notes.push(`${traffic.closed} connections closed during the window`);

    editor.send({ type: "finish" });
    const result = (await editor.next("result", REPORT_TIMEOUT_MS)).result;
    if (result.role === "editors") row.strokesSent = result.strokesInWindow;
    const clients = await fleet.finish();
    if (clients.closedEarly > 0) row.notes.push(`the server closed ${clients.closedEarly} observers during the run`);
    const ended = server.endedEarly();
    if (ended !== undefined) throw new Error(`the server ${ended}`);
  } finally {
    fleet?.kill();
    editor.kill();
  }
}

export async function runObserverRows(
  repoRoot: string,
  onServer: (s: ServerUnderTest | undefined) => void,
  args: Pick<ChannelsArgs, "observers" | "observerSeconds">,
  log: (line: string) => void,
): Promise<ObserverRow[]> {
  const rows: ObserverRow[] = [];
  for (const spec of ROWS) {
    const row: ObserverRow = {
      ...spec,
      observers: args.observers,
      ready: 0,
      rampSeconds: undefined,
      rampCpuPercent: undefined,
      rssBaseline: undefined,
      rssIdle: undefined,
      rssEnd: undefined,
      cpuPercent: undefined,
      loopDelay: undefined,
      bytesPerSecond: undefined,
      packetsPerSecond: undefined,
      strokesSent: undefined,
      notes: [],
      error: undefined,
    };
    log(`  ${spec.label}`);
    try {
      await withFreshServer(repoRoot, onServer, (server) => measureRow(server, row, args.observerSeconds), spec.server);
    } catch (err) {
      row.error = err instanceof Error ? err.message : String(err);
    }
    rows.push(row);
  }
  return rows;
}

/** The server's memory with the observers: RSS at the end of the window, less before they joined. */
export function observerMemory(row: ObserverRow): number | undefined {
  return row.rssEnd === undefined || row.rssBaseline === undefined ? undefined : row.rssEnd - row.rssBaseline;
}

export function observersTable(rows: readonly ObserverRow[], seconds: number): ReportTable {
  const observers = rows[0]?.observers ?? 0;
  const notes: string[] = [];
  for (const row of rows) {
    if (row.error !== undefined) notes.push(`${row.label}: failed: ${row.error}`);
    for (const note of row.notes) notes.push(`${row.label}: ${note}`);
    if (row.rampSeconds !== undefined) {
      notes.push(`${row.label}: ${row.ready} joined in ${row.rampSeconds.toFixed(1)} s (server CPU ${figure(row.rampCpuPercent)}% meanwhile); ${row.strokesSent ?? "?"} strokes drawn in the window`);
    }
  }
  return {
    title: `${observers.toLocaleString("en")} observers: WebSocket against SSE`,
    setup:
      `One board, one editor drawing steadily (cursor at ${CURSOR_HZ} Hz, ${STROKES_PER_SECOND} strokes a second) and ${observers.toLocaleString("en")} observers who never draw: ` +
      `y-websocket protocol clients (sync handshake, an awareness state announced and renewed every 15 s, as a stock provider does), or SSE viewers. ` +
      `${WARMUP_MS / 1000} s warm-up, ${seconds} s window; a fresh server per row.`,
    headers: ["observers over", "server RSS MB", "memory for the observers MB", "server CPU %", "MB/s written", "packets/s written", LOOP_DELAY_HEADER],
    rows: rows.map((row) => [
      row.label,
      megabytes(row.rssEnd),
      megabytes(observerMemory(row)),
      figure(row.cpuPercent),
      megabytes(row.bytesPerSecond),
      whole(row.packetsPerSecond),
      loopDelayCell(row.loopDelay),
    ]),
    legend: [
      "server RSS: at the end of the window; memory for the observers: that, less the RSS before they joined (the editor connected).",
      `idle per observer, after joining and before the load: ${rows.map((r) => `${r.label} ${kilobytes(r.rssIdle !== undefined && r.rssBaseline !== undefined && r.ready > 0 ? (r.rssIdle - r.rssBaseline) / r.ready : undefined)} KB`).join("; ")}.`,
      "server CPU: user + system time of the server process over the window, % of one core.",
      "written: what every client socket received in the window (tcp_info via ss), per second.",
    ],
    notes,
  };
}

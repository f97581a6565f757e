/**
 * The other counter-example: the same list polled by the same N galleries every second instead
 * of every minute. Over a window of at least an interval, polls staggered over the interval as
 * independent pages' are, and one change (a stroke on the board, which the list shows as its
 * `updatedAt`) a second in: requests, bytes and server CPU a minute, the share of 304s, and how
 * long after the change each gallery had it.
 */
import { now } from "../cursors/clock.js";
import { LOOP_DELAY_HEADER, loopDelayCell } from "../format.js";
import type { LoopDelay } from "../loop-delay.js";
import type { ServerUnderTest } from "../servers.js";
import { sleep } from "../sleep.js";
import type { ChannelsArgs } from "./args.js";
import { openFleet } from "./client-fleet.js";
import { pollRecords } from "./client-messages.js";
import { cpuMeter, trimmedMean } from "./cpu-meter.js";
import { openDrawer, type SentStroke } from "./drawer.js";
import { withFreshServer } from "./fresh-server.js";
import { latencyFigures, type LatencyFigures } from "./latency.js";
import type { ReportTable } from "./report-table.js";
import { createSharedBoard } from "./shared-board.js";
import { scaleCounters, tcpSnapshot, trafficBetween, type TcpCounters } from "./tcp-info.js";
import { duration, figure, whole } from "./units.js";

export interface ShortPollingRow {
  intervalSeconds: number;
  pollers: number;
  ready: number;
  windowSeconds: number;
  requestsPerMinute: number | undefined;
  perMinute: TcpCounters | undefined;
  /** Server CPU a minute above its idle rate (measured just before the window), ms. */
  cpuMsPerMinute: number | undefined;
  notModifiedShare: number | undefined;
  /** From the stroke's send to the end of each gallery's first 200 after it. */
  latency: LatencyFigures | undefined;
  loopDelay: LoopDelay | undefined;
  notes: string[];
  error: string | undefined;
}

const RAMP_TIMEOUT_MS = 60_000;
/** A server that just took N joins and first polls spends seconds on JIT and collection after. */
const SETTLE_MS = 4_000;
/**
 * The server's CPU is read a second at a time: through the window, and idle before and after it.
 * Each is the mean of its seconds less the highest and lowest fifth (a garbage collection, the
 * room's compaction 30 s after the change, land in a few of them); the idle rate is the lower of
 * the two idle readings. A minute of 60 s polls is a few milliseconds a second above an idle
 * server's 25 to 35 (most of it the loop-delay probe), so each idle reading needs seconds.
 */
const CPU_SLOT_MS = 1_000;
const IDLE_SLOTS = 6;
const TRIM = 0.2;
const SCHEDULE_LEAD_MS = 200;
/** The change comes this far into the window; the window lasts an interval and more after it. */
const CHANGE_AT_MS = 1_000;
const WINDOW_SLACK_MS = 2_000;
/** For the polls still in flight at the window's end. */
const ANSWER_WAIT_MS = 2_000;
const MINUTE_MS = 60_000;

/** CPU ms of each of `count` slots from `start`; `onSlot(i)` runs as slot i begins. */
async function cpuSlots(pid: number | undefined, start: number, count: number, onSlot: (slot: number) => void): Promise<number[]> {
  await sleep(start - now());
  const meter = cpuMeter(pid);
  const out: number[] = [];
  for (let slot = 0; slot < count; slot++) {
    onSlot(slot);
    await sleep(start + (slot + 1) * CPU_SLOT_MS - now());
    const spent = meter();
    if (spent !== undefined) out.push(spent);
  }
  return out;
}

async function measureRow(server: ServerUnderTest, row: ShortPollingRow): Promise<void> {
  const board = await createSharedBoard(server);
  const drawer = await openDrawer(board.wsUrl);
  const fleet = await openFleet({ kind: "polling", host: board.host, port: board.port, path: "", invite: board.invite }, row.pollers, 0, RAMP_TIMEOUT_MS).catch((err: unknown) => {
    drawer.editor.destroy();
    throw err;
  });
  try {
    row.ready = fleet.ready;
    if (fleet.failed > 0) row.notes.push(`${fleet.failed} pollers did not join: ${Object.entries(fleet.errors).map(([k, n]) => `${n} × ${k}`).join(", ")}`);
    if (fleet.ready === 0) throw new Error("no poller could join");
    const exclude = drawer.editor.socketKeys;
    await sleep(SETTLE_MS);
    const idleBefore = await cpuSlots(server.pid, now(), IDLE_SLOTS, () => undefined);

    const intervalMs = row.intervalSeconds * 1000;
    const windowStart = now() + SCHEDULE_LEAD_MS;
    const windowEnd = windowStart + row.windowSeconds * 1000;
    fleet.schedule({ windowStart, windowEnd, polls: { from: windowStart, to: windowEnd, intervalMs, of: row.pollers } });
    const before = await tcpSnapshot(board);
    await sleep(windowStart - now());
    let change: SentStroke | undefined;
    const changeSlot = Math.floor(CHANGE_AT_MS / CPU_SLOT_MS);
    const busy = await cpuSlots(server.pid, windowStart, Math.floor((windowEnd - windowStart) / CPU_SLOT_MS), (slot) => {
      if (slot === changeSlot) change = drawer.draw();
    });
    await sleep(windowEnd - now());
    if (change === undefined) throw new Error("the change was never made");
    row.loopDelay = await server.loopDelay.read(windowStart, windowEnd);
    await sleep(ANSWER_WAIT_MS);
    const after = await tcpSnapshot(board);
    const idleAfter = await cpuSlots(server.pid, now(), IDLE_SLOTS, () => undefined);
    const result = await fleet.finish();

    const windowMs = windowEnd - windowStart;
    const perMinute = MINUTE_MS / windowMs;
    const records = pollRecords(result.polls);
    const polls = records.length;
    const notModified = records.filter((poll) => poll.status === 304).length;
    const changedAt = change.sentAt;
    const firstSeen = new Map<number, number>();
    for (const poll of records) {
      if (poll.status === 200 && poll.startedAt >= changedAt && !firstSeen.has(poll.index)) firstSeen.set(poll.index, poll.endedAt - changedAt);
    }
    row.requestsPerMinute = polls * perMinute;
    row.perMinute = scaleCounters(trafficBetween(before, after, { exclude }).total, perMinute);
    const busyMean = trimmedMean(busy, TRIM);
    // What a burst leaves behind (collection, compiled code) only adds to an idle reading: the lower is the idle rate.
    const idleMeans = [trimmedMean(idleBefore, TRIM), trimmedMean(idleAfter, TRIM)].filter((m): m is number => m !== undefined);
    const idleMean = idleMeans.length === 0 ? undefined : Math.min(...idleMeans);
    row.cpuMsPerMinute = busyMean === undefined || idleMean === undefined ? undefined : ((busyMean - idleMean) * MINUTE_MS) / CPU_SLOT_MS;
    row.notModifiedShare = polls > 0 ? notModified / polls : undefined;
    row.latency = latencyFigures([...firstSeen.values()], row.ready);
    if (result.pollsSkipped > 0) row.notes.push(`${result.pollsSkipped} polls skipped (the previous one still unanswered)`);
    if (result.reconnectedPollers > 0) row.notes.push(`${result.reconnectedPollers} pollers had to open a new connection`);
    if (drawer.editor.counts.connections > 1) row.notes.push(`the drawing editor's provider reconnected (${drawer.editor.counts.connections} connections)`);
  } finally {
    fleet.kill();
    drawer.editor.destroy();
  }
}

export async function runShortPolling(
  repoRoot: string,
  onServer: (s: ServerUnderTest | undefined) => void,
  args: Pick<ChannelsArgs, "pollers" | "pollIntervalsSeconds" | "pollWindowSeconds">,
): Promise<ShortPollingRow[]> {
  const rows: ShortPollingRow[] = [];
  for (const intervalSeconds of args.pollIntervalsSeconds) {
    const row: ShortPollingRow = {
      intervalSeconds,
      pollers: args.pollers,
      ready: 0,
      windowSeconds: Math.max(args.pollWindowSeconds, intervalSeconds + (CHANGE_AT_MS + WINDOW_SLACK_MS) / 1000),
      requestsPerMinute: undefined,
      perMinute: undefined,
      cpuMsPerMinute: undefined,
      notModifiedShare: undefined,
      latency: undefined,
      loopDelay: undefined,
      notes: [],
      error: undefined,
    };
    try {
      await withFreshServer(repoRoot, onServer, (server) => measureRow(server, row));
    } catch (err) {
      row.error = err instanceof Error ? err.message : String(err);
    }
    rows.push(row);
  }
  return rows;
}

export function shortPollingTable(rows: readonly ShortPollingRow[]): ReportTable {
  const pollers = rows[0]?.pollers ?? 0;
  const notes: string[] = [];
  for (const row of rows) {
    const label = `every ${row.intervalSeconds} s`;
    if (row.error !== undefined) notes.push(`${label}: failed: ${row.error}`);
    for (const note of row.notes) notes.push(`${label}: ${note}`);
    const l = row.latency;
    if (l !== undefined && l.samples < l.expected) notes.push(`${label}: ${l.expected - l.samples} galleries had not seen the change by the window's end`);
  }
  return {
    title: `The list polled every ${rows.map((r) => `${r.intervalSeconds} s`).join(" against every ")}`,
    setup:
      `${pollers} galleries (members of a shared library showing one board), each polling GET /api/library with If-None-Match, ` +
      `phases staggered over the interval; one change to the board ${CHANGE_AT_MS / 1000} s into the window; a fresh server per row.`,
    headers: ["interval", "window", "requests/min", "bytes/min server→clients", "bytes/min clients→server", "server CPU ms/min", "304 share", "change seen p50 / max", LOOP_DELAY_HEADER],
    rows: rows.map((row) => [
      `${row.intervalSeconds} s`,
      `${figure(row.windowSeconds)} s`,
      whole(row.requestsPerMinute),
      whole(row.perMinute?.bytesReceived),
      whole(row.perMinute?.bytesSent),
      whole(row.cpuMsPerMinute),
      row.notModifiedShare === undefined ? "-" : `${(row.notModifiedShare * 100).toFixed(1)}%`,
      row.latency === undefined ? "-" : `${duration(row.latency.p50)} / ${duration(row.latency.max)}`,
      loopDelayCell(row.loopDelay),
    ]),
    legend: [
      "per minute: measured over the window, scaled to a minute; bytes from the pollers' sockets (tcp_info via ss).",
      `server CPU: every thread of the server (schedstat), read a second at a time through the window, and for ${IDLE_SLOTS} s idle before it and after; each the mean of its seconds without the highest and lowest fifth; the window's less the lower idle one, a minute.`,
      "change seen: from the stroke's send to the end of each gallery's first 200 after it; its upper bound is the interval.",
    ],
    notes,
  };
}

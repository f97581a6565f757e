/**
 * One change reaching N clients of one channel, on a fresh server: N WebSocket clients (or SSE
 * viewers, or pollers of a library showing the board), one more editor making K small changes
 * (a finished stroke each). Per change: the server's CPU over the burst less an idle baseline of
 * the same length, the bytes and packets every client's socket carried, and how long the change
 * took to reach the probes. The server's memory per connection is read on the way.
 *
 * Pollers see a change only when they next poll: for them a change is one round of N polls (each
 * answered 200 with the new list), set against the same round when nothing changed (304s).
 */
import { POLL_INTERVAL_MS } from "@whiteboard/shared";
import { now } from "../cursors/clock.js";
import { drain } from "../drain.js";
import type { LoopDelay } from "../loop-delay.js";
import { sampleProcess } from "../proc-stats.js";
import type { ServerUnderTest } from "../servers.js";
import { sleep } from "../sleep.js";
import { pollRecords, type ChannelKind, type ClientsResult } from "./client-messages.js";
import { openFleet, type Fleet } from "./client-fleet.js";
import { openDrawer, type Drawer } from "./drawer.js";
import { withFreshServer } from "./fresh-server.js";
import { latencyFigures, type LatencyFigures } from "./latency.js";
import { cpuMeter, median } from "./cpu-meter.js";
import { createSharedBoard, type Origin } from "./shared-board.js";
import { scaleCounters, tcpSnapshot, trafficBetween, type TcpCounters, type TcpSnapshot } from "./tcp-info.js";

export interface ChangeSettings {
  changes: number;
  changeGapMs: number;
  pollRounds: number;
  probes: number;
}

export interface PollRounds {
  rounds: number;
  cpuMsPerRound: number | undefined;
  perRound: TcpCounters;
  /** Answers by HTTP status, all rounds together. */
  statuses: Record<string, number>;
}

export interface ChangeRow {
  channel: ChannelKind;
  clients: number;
  ready: number;
  cpuMsPerChange: number | undefined;
  /** What the clients' sockets carried per change, summed over the clients (client's view). */
  perChange: TcpCounters | undefined;
  latency: LatencyFigures | undefined;
  rssBefore: number | undefined;
  rssAfter: number | undefined;
  loopDelay: LoopDelay | undefined;
  /** Pollers: the same rounds when nothing changed. */
  unchanged: PollRounds | undefined;
  changedStatuses: Record<string, number> | undefined;
  notes: string[];
  error: string | undefined;
}

const RAMP_TIMEOUT_MS = 120_000;
/** After the clients connect: joins written out, the heap settled, before memory is read. */
const SETTLE_MS = 2_000;
/** After the drawer's awareness renewal reached everyone, before the baseline. */
const RENEWAL_SETTLE_MS = 500;
const SCHEDULE_LEAD_MS = 100;
const DRAIN_QUIET_MS = 500;
const DRAIN_MAX_MS = 5_000;
/** Idle CPU is read over a gap this long before each round of polls. */
const POLL_IDLE_GAP_MS = 500;
/** A stroke is committed (and the list's version bumped) a turn of the loop after it arrives. */
const COMMIT_WAIT_MS = 150;
const ROUND_TIMEOUT_MS = 20_000;
/** One round's N polls are spread over N ms (a second for 1,000): arrivals, not one burst. */
const ROUND_SPREAD_MS_PER_POLLER = 1;

/** The WebSocket probes' receipts joined with the drawer's send times. */
function websocketLatencies(result: ClientsResult, drawer: Drawer, from: number): number[] {
  const sentAt = new Map(drawer.sent.filter((s) => s.sentAt >= from).map((s) => [`${s.client}:${s.clock}`, s.sentAt]));
  const out: number[] = [];
  for (let i = 0; i + 2 < result.receipts.length; i += 3) {
    const sent = sentAt.get(`${result.receipts[i]}:${result.receipts[i + 1]}`);
    if (sent !== undefined) out.push((result.receipts[i + 2] as number) - sent);
  }
  return out;
}

/**
 * Changes and idle gaps interleaved (idle, change, idle, change, ...), each a gap long, the
 * server's CPU read at every boundary: per change, the median CPU of the gaps after a change less
 * the median of the idle ones. Each change has its gap to reach every client before the next.
 */
async function measureStrokes(server: ServerUnderTest, fleet: Fleet, drawer: Drawer, row: ChangeRow, settings: ChangeSettings, origin: Origin): Promise<void> {
  const exclude = drawer.editor.socketKeys;
  const { changes, changeGapMs } = settings;
  const slots = changes * 2;
  // A warm-up stroke (the first of a fresh server is the slowest), and the drawer's awareness
  // renewed now, so its next renewal falls after the window.
  drawer.draw();
  drawer.renewAwareness();
  await sleep(RENEWAL_SETTLE_MS);

  const start = now() + SCHEDULE_LEAD_MS;
  const end = start + slots * changeGapMs;
  fleet.schedule({ windowStart: start, windowEnd: end, polls: undefined });
  const before = await tcpSnapshot(origin);
  await sleep(start - now());
  const meter = cpuMeter(server.pid);
  const idle: number[] = [];
  const changed: number[] = [];
  for (let slot = 0; slot < slots; slot++) {
    if (slot % 2 === 1) drawer.draw();
    await sleep(start + (slot + 1) * changeGapMs - now());
    const spent = meter();
    if (spent !== undefined) (slot % 2 === 1 ? changed : idle).push(spent);
  }
  row.loopDelay = await server.loopDelay.read(start, end);
  const drained = await drain(() => fleet.received(), end, DRAIN_QUIET_MS, DRAIN_MAX_MS);
  if (drained.cut) row.notes.push(`changes were still arriving ${(drained.ms / 1000).toFixed(1)} s after the window`);
  const after = await tcpSnapshot(origin);
  const result = await fleet.finish();

  const changedMedian = median(changed);
  const idleMedian = median(idle);
  row.cpuMsPerChange = changedMedian === undefined || idleMedian === undefined ? undefined : changedMedian - idleMedian;
  const traffic = trafficBetween(before, after, { exclude });
  row.perChange = scaleCounters(traffic.total, 1 / changes);
  if (traffic.closed > 0) row.notes.push(`${traffic.closed} client connections closed during the window`);
  const probes = Math.min(settings.probes, row.ready);
  const latencies = row.channel === "websocket" ? websocketLatencies(result, drawer, start) : Array.from(result.latencies);
  row.latency = latencyFigures(latencies, changes * probes);
  if (result.closedEarly > 0) row.notes.push(`${result.closedEarly} clients were cut off by the server during the run`);
}

async function pollRound(fleet: Fleet, ready: number, clients: number): Promise<void> {
  const target = fleet.received() + ready;
  const from = now() + SCHEDULE_LEAD_MS;
  const spread = Math.max(1, clients * ROUND_SPREAD_MS_PER_POLLER);
  fleet.schedule({ windowStart: from, windowEnd: from + spread, polls: { from, to: from + spread, intervalMs: spread, of: clients } });
  const deadline = now() + ROUND_TIMEOUT_MS;
  while (fleet.received() < target) {
    if (now() > deadline) throw new Error(`a round of polls was not answered within ${ROUND_TIMEOUT_MS} ms`);
    await sleep(20);
  }
}

function statusesOf(result: ClientsResult, from: number, to: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const poll of pollRecords(result.polls)) {
    if (poll.startedAt < from || poll.startedAt >= to) continue;
    out[poll.status] = (out[poll.status] ?? 0) + 1;
  }
  return out;
}

/**
 * Polling's latency cannot be waited for at a 60 s interval in a run of seconds, so it is
 * computed: independent galleries' polls are evenly staggered over the interval, so poller i
 * (of N) next polls (i + 0.5) / N of an interval after the change, and then takes as long as its
 * measured answer (a 200 with the list) took.
 */
function pollingLatencies(result: ClientsResult, from: number, clients: number): number[] {
  return pollRecords(result.polls)
    .filter((poll) => poll.startedAt >= from && poll.status === 200)
    .map((poll) => ((poll.index + 0.5) / clients) * POLL_INTERVAL_MS + poll.endedAt - poll.startedAt);
}

/**
 * Rounds of polls, each after an idle gap: per round, its CPU less the idle rate (the median over
 * the gaps) for its length; per change, the median over the rounds. First the rounds with nothing
 * changed, then those with a stroke before each.
 */
async function measurePolls(server: ServerUnderTest, fleet: Fleet, drawer: Drawer, row: ChangeRow, settings: ChangeSettings, origin: Origin): Promise<void> {
  const exclude = drawer.editor.socketKeys;
  const rounds = settings.pollRounds;
  // Warm-up: one round of 304s, so JIT and caches are the same for both phases.
  await pollRound(fleet, row.ready, row.clients);
  const meter = cpuMeter(server.pid);
  const idleRates: number[] = [];
  const phase = async (change: boolean): Promise<{ costs: Array<{ cpu: number; ms: number }>; snapshot: TcpSnapshot; at: number }> => {
    const costs: Array<{ cpu: number; ms: number }> = [];
    for (let r = 0; r < rounds; r++) {
      meter();
      const idleFrom = now();
      await sleep(POLL_IDLE_GAP_MS);
      const idle = meter();
      if (idle !== undefined) idleRates.push(idle / (now() - idleFrom));
      const from = now();
      if (change) {
        drawer.draw();
        await sleep(COMMIT_WAIT_MS);
      }
      await pollRound(fleet, row.ready, row.clients);
      const cpu = meter();
      if (cpu !== undefined) costs.push({ cpu, ms: now() - from });
    }
    return { costs, snapshot: await tcpSnapshot(origin), at: now() };
  };
  const start = { snapshot: await tcpSnapshot(origin), at: now() };
  const unchanged = await phase(false);
  const changed = await phase(true);
  row.loopDelay = await server.loopDelay.read(unchanged.at, changed.at);
  const result = await fleet.finish();

  const idleRate = median(idleRates);
  const perRound = (costs: Array<{ cpu: number; ms: number }>): number | undefined =>
    idleRate === undefined ? undefined : median(costs.map((c) => c.cpu - idleRate * c.ms));
  row.unchanged = {
    rounds,
    cpuMsPerRound: perRound(unchanged.costs),
    perRound: scaleCounters(trafficBetween(start.snapshot, unchanged.snapshot, { exclude }).total, 1 / rounds),
    statuses: statusesOf(result, start.at, unchanged.at),
  };
  row.cpuMsPerChange = perRound(changed.costs);
  row.perChange = scaleCounters(trafficBetween(unchanged.snapshot, changed.snapshot, { exclude }).total, 1 / rounds);
  row.changedStatuses = statusesOf(result, unchanged.at, changed.at);
  row.latency = latencyFigures(pollingLatencies(result, unchanged.at, row.clients), rounds * row.ready);
  if (result.reconnectedPollers > 0) row.notes.push(`${result.reconnectedPollers} pollers had to open a new connection`);
  if (result.pollsSkipped > 0) row.notes.push(`${result.pollsSkipped} polls skipped (the previous one still unanswered)`);
}

export async function runChangeCost(
  repoRoot: string,
  onServer: (s: ServerUnderTest | undefined) => void,
  channel: ChannelKind,
  clients: number,
  settings: ChangeSettings,
): Promise<ChangeRow> {
  const row: ChangeRow = {
    channel,
    clients,
    ready: 0,
    cpuMsPerChange: undefined,
    perChange: undefined,
    latency: undefined,
    rssBefore: undefined,
    rssAfter: undefined,
    loopDelay: undefined,
    unchanged: undefined,
    changedStatuses: undefined,
    notes: [],
    error: undefined,
  };
  try {
    await withFreshServer(repoRoot, onServer, async (server) => {
      const board = await createSharedBoard(server);
      const drawer = await openDrawer(board.wsUrl);
      let fleet: Fleet | undefined;
      try {
        await sleep(SETTLE_MS);
        row.rssBefore = sampleProcess(server.pid)?.rssBytes;
        const path = channel === "websocket" ? new URL(board.wsUrl).pathname : board.eventsPath;
        fleet = await openFleet({ kind: channel, host: board.host, port: board.port, path, invite: board.invite }, clients, settings.probes, RAMP_TIMEOUT_MS);
        row.ready = fleet.ready;
        if (fleet.failed > 0) row.notes.push(`${fleet.failed} of ${clients} clients did not connect: ${Object.entries(fleet.errors).map(([k, n]) => `${n} × ${k}`).join(", ")}`);
        if (fleet.ready === 0) throw new Error("no client could connect");
        await sleep(SETTLE_MS);
        row.rssAfter = sampleProcess(server.pid)?.rssBytes;
        if (channel === "polling") await measurePolls(server, fleet, drawer, row, settings, board);
        else await measureStrokes(server, fleet, drawer, row, settings, board);
        if (drawer.editor.counts.connections > 1) row.notes.push(`the drawing editor's provider reconnected (${drawer.editor.counts.connections} connections)`);
      } finally {
        fleet?.kill();
        drawer.editor.destroy();
      }
    });
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
  }
  return row;
}

/**
 * An idle minute, one client of each channel at once on one board: an editor (the stock
 * provider, tab open, nobody drawing), a viewer (a real EventSource), and a gallery polling the
 * list every 60 s with If-None-Match. What each socket carried in the window, from the kernel's
 * counters: the server's pings and heartbeats, the provider's awareness renewals, the 304s.
 */
import { POLL_INTERVAL_MS, SSE_EVENTS, SSE_HEARTBEAT_MS, WS_PING_INTERVAL_MS } from "@whiteboard/shared";
import { now } from "../cursors/clock.js";
import { LOOP_DELAY_HEADER, loopDelayCell } from "../format.js";
import type { LoopDelay } from "../loop-delay.js";
import type { ServerUnderTest } from "../servers.js";
import { sleep } from "../sleep.js";
import { CHANNEL_LABEL } from "./channel-labels.js";
import type { ChannelKind } from "./client-messages.js";
import { withFreshServer } from "./fresh-server.js";
import { Poller, type PollOutcome } from "./poller.js";
import { openProviderEditor } from "./provider-editor.js";
import type { ReportTable } from "./report-table.js";
import { createSharedBoard } from "./shared-board.js";
import { scaleCounters, tcpSnapshot, trafficBetween, type TcpCounters } from "./tcp-info.js";
import { openTrackedEventSource } from "./tracked-event-source.js";
import { counted, figure, whole } from "./units.js";

export interface IdleChannel {
  channel: ChannelKind;
  /** What went over the socket in the window, counted by the client. */
  carried: string;
  perMinute: TcpCounters | undefined;
}

export interface IdleResult {
  seconds: number;
  channels: IdleChannel[];
  loopDelay: LoopDelay | undefined;
  notes: string[];
}

const CONNECT_TIMEOUT_MS = 10_000;
/** After the three have joined: the joins' presence and awareness written out, the ETag settled. */
const SETTLE_MS = 3_000;
const MINUTE_MS = 60_000;

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!condition()) {
    if (now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function measureIdle(server: ServerUnderTest, seconds: number): Promise<IdleResult> {
  const board = await createSharedBoard(server);
  const editor = openProviderEditor(board.wsUrl, { user: { name: "idle editor", color: "#2f9e44" }, cursor: null });
  const viewer = openTrackedEventSource(`http://${board.host}:${board.port}${board.eventsPath}`, Object.values(SSE_EVENTS));
  const poller = new Poller(board);
  const timers: NodeJS.Timeout[] = [];
  try {
    await editor.synced(CONNECT_TIMEOUT_MS);
    await waitFor(() => (viewer.events[SSE_EVENTS.snapshot] ?? 0) > 0, CONNECT_TIMEOUT_MS, "no snapshot reached the viewer");
    await poller.join(board.invite);
    await poller.poll();
    await sleep(SETTLE_MS);

    const keys = { websocket: editor.socketKey(), sse: viewer.socketKey(), polling: poller.socketKey() };
    const before = await tcpSnapshot(board);
    const start = now();
    const end = start + seconds * 1000;
    const counts = { ...editor.counts };
    const comments = viewer.comments();
    const events = { ...viewer.events };
    // A poll at the middle of each interval of the window, so a one-minute window holds exactly
    // one; a shorter window still holds one, at its middle.
    const pollTimes: number[] = [];
    for (let at = start + POLL_INTERVAL_MS / 2; at < end; at += POLL_INTERVAL_MS) pollTimes.push(at);
    if (pollTimes.length === 0) pollTimes.push((start + end) / 2);
    const polls: PollOutcome[] = [];
    for (const at of pollTimes) timers.push(setTimeout(() => void poller.poll().then((o) => polls.push(o)), at - now()));
    await sleep(end - now());
    await waitFor(() => polls.length === timers.length, CONNECT_TIMEOUT_MS, "a poll went unanswered");
    const after = await tcpSnapshot(board);
    const loopDelay = await server.loopDelay.read(start, end);

    const notes: string[] = [];
    const perMinute = (channel: ChannelKind, key: string | undefined, factor: number | undefined): TcpCounters | undefined => {
      const endKey = { websocket: editor.socketKey(), sse: viewer.socketKey(), polling: poller.socketKey() }[channel];
      if (key === undefined || endKey !== key) {
        notes.push(`${channel}: the client's connection changed during the window (reconnected); its figures are left out`);
        return undefined;
      }
      return factor === undefined ? undefined : scaleCounters(trafficBetween(before, after, { keys: [key] }).total, factor);
    };
    const windowFactor = MINUTE_MS / (end - start);
    const statuses = polls.map((p) => p.status).join(", ");
    const sseEvents = Object.entries(viewer.events)
      .map(([name, n]) => [name, n - (events[name] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${n} ${name}`);
    const channels: IdleChannel[] = [
      {
        channel: "websocket",
        carried: `${counted(editor.counts.pings - counts.pings, "ping")} (every ${WS_PING_INTERVAL_MS / 1000} s), ${counted(editor.counts.messagesOut - counts.messagesOut, "message")} sent, ${editor.counts.messagesIn - counts.messagesIn} received`,
        perMinute: perMinute("websocket", keys.websocket, windowFactor),
      },
      {
        channel: "sse",
        carried: `${counted(viewer.comments() - comments, "heartbeat")} (every ${SSE_HEARTBEAT_MS / 1000} s)${sseEvents.length > 0 ? `, events: ${sseEvents.join(", ")}` : ", no event"}`,
        perMinute: perMinute("sse", keys.sse, windowFactor),
      },
      {
        channel: "polling",
        carried: `${counted(polls.length, "poll")} (every ${POLL_INTERVAL_MS / 1000} s): ${statuses || "none"}`,
        // Per poll, times the polls of a minute: a window shorter than the interval still holds one.
        perMinute: perMinute("polling", keys.polling, polls.length === 0 ? undefined : MINUTE_MS / POLL_INTERVAL_MS / polls.length),
      },
    ];
    if (editor.counts.connections > 1) notes.push(`the editor's provider opened ${editor.counts.connections} connections in all`);
    if (seconds * 1000 < POLL_INTERVAL_MS) notes.push(`the window (${seconds} s) is shorter than the poll interval: polling's minute is its one poll`);
    return {
      seconds,
      channels,
      loopDelay,
      notes,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    editor.destroy();
    viewer.close();
    poller.close();
  }
}

export function runIdle(repoRoot: string, onServer: (s: ServerUnderTest | undefined) => void, seconds: number): Promise<IdleResult> {
  return withFreshServer(repoRoot, onServer, (server) => measureIdle(server, seconds));
}

export function idleTable(result: IdleResult): ReportTable {
  const cell = (c: IdleChannel, pick: (t: TcpCounters) => number, format: (n: number) => string): string =>
    c.perMinute === undefined ? "n/a" : format(pick(c.perMinute));
  return {
    title: "An idle minute, one client of each channel",
    setup:
      `One board; at once: an editor (y-websocket's WebsocketProvider, nobody drawing), a viewer (an EventSource) and a gallery ` +
      `polling GET /api/library every ${POLL_INTERVAL_MS / 1000} s with If-None-Match; ${result.seconds} s window, figures per minute.`,
    headers: ["channel", "what the socket carried", "bytes server→client", "bytes client→server", "packets server→client", "packets client→server"],
    rows: result.channels.map((c) => [
      CHANNEL_LABEL[c.channel],
      c.carried,
      cell(c, (t) => t.bytesReceived, whole),
      cell(c, (t) => t.bytesSent, whole),
      cell(c, (t) => t.segsIn, figure),
      cell(c, (t) => t.segsOut, figure),
    ]),
    legend: [
      "bytes: TCP payload as the kernel counted it on the client's socket (tcp_info via ss): HTTP headers, WebSocket and SSE framing included; IP and TCP headers not.",
      "packets: TCP segments, bare ACKs included, each way.",
      `server event loop over the window (${LOOP_DELAY_HEADER}): ${loopDelayCell(result.loopDelay)}.`,
    ],
    notes: result.notes,
  };
}

/**
 * What reconnecting costs: each client was up to date on a board, then cut off while an editor
 * kept drawing, then comes back the way its page does. A viewer resumes its stream with
 * `Last-Event-ID` and gets what it missed; an editor's provider re-syncs (its state vector, the
 * server's diff, awareness both ways); a gallery's next poll opens a new connection and gets the
 * list. Beside each, what starting over costs (a new page): the stream without an id (a
 * snapshot), a provider with an empty doc. Measured on each new connection from its first byte,
 * handshakes and headers included, until the client holds everything.
 */
import { SSE_EVENTS } from "@whiteboard/shared";
import { now } from "../cursors/clock.js";
import { LOOP_DELAY_HEADER, loopDelayCell } from "../format.js";
import type { LoopDelay } from "../loop-delay.js";
import type { ServerUnderTest } from "../servers.js";
import { sleep } from "../sleep.js";
import { ProbeTiming } from "../sse/probe-timing.js";
import { openDrawer, type Drawer } from "./drawer.js";
import { withFreshServer } from "./fresh-server.js";
import { Poller } from "./poller.js";
import { openProviderEditor, type ProviderEditor } from "./provider-editor.js";
import type { ReportTable } from "./report-table.js";
import { createSharedBoard, type SharedBoard } from "./shared-board.js";
import { openSseStream } from "./sse-stream.js";
import { tcpSnapshot, trafficBetween, type TcpCounters } from "./tcp-info.js";
import { counted, duration, figure, whole } from "./units.js";

export type ReconnectWay = "sse-resume" | "sse-fresh" | "websocket-resync" | "websocket-fresh" | "poll";

export interface ReconnectRow {
  way: ReconnectWay;
  /** What it received to catch up, as the client counted it. */
  received: string;
  traffic: TcpCounters | undefined;
  caughtUpMs: number | undefined;
}

export interface ReconnectResult {
  dropSeconds: number;
  seedStrokes: number;
  changesDuringDrop: number;
  /** The server's, while the clients came back. */
  loopDelay: LoopDelay | undefined;
  rows: ReconnectRow[];
  notes: string[];
}

/** The board has something on it, so that a snapshot is not as small as a diff. */
const SEED_STROKES = 100;
const CHANGE_INTERVAL_MS = 1_000;
const CATCH_UP_TIMEOUT_MS = 10_000;
/** After catching up, before the counters are read: the last awareness and ACKs exchanged. */
const SETTLE_MS = 500;
const EDITOR_STATE = { user: { name: "returning editor", color: "#e8590c" }, cursor: null };
const ELEMENTS = "elements";

async function until(condition: () => boolean, what: string): Promise<number> {
  const start = now();
  while (!condition()) {
    if (now() - start > CATCH_UP_TIMEOUT_MS) throw new Error(`${what}: not caught up within ${CATCH_UP_TIMEOUT_MS} ms`);
    await sleep(5);
  }
  return now() - start;
}

/**
 * Synced and holding everything the drawer drew. Not "showing the drawer's cursor": y-protocols
 * keeps a departed client's clock, so a provider back from a drop ignores the state the server
 * sends it (same clock) until that client next changes or renews it, up to 15 s later.
 */
function editorCaughtUp(editor: ProviderEditor, drawer: Drawer): boolean {
  return editor.provider.synced && editor.doc.getMap(ELEMENTS).size >= drawer.sent.length;
}

async function measureReconnect(server: ServerUnderTest, dropSeconds: number): Promise<ReconnectResult> {
  const board: SharedBoard = await createSharedBoard(server);
  const drawer = await openDrawer(board.wsUrl);
  const closers: Array<() => void> = [() => drawer.editor.destroy()];
  try {
    for (let i = 0; i < SEED_STROKES; i++) drawer.draw();
    await sleep(SETTLE_MS);

    // Up to date before the drop.
    let dropWindow = { start: Infinity, end: -Infinity };
    const timing = new ProbeTiming(() => dropWindow);
    const before = openSseStream(board, board.eventsPath, undefined, () => undefined);
    closers.push(before.close);
    const editor = openProviderEditor(board.wsUrl, EDITOR_STATE);
    closers.push(editor.destroy);
    const poller = new Poller(board);
    closers.push(() => poller.close());
    await poller.join(board.invite);
    await poller.poll();
    await until(() => (before.events[SSE_EVENTS.snapshot] ?? 0) > 0 && editorCaughtUp(editor, drawer), "before the drop");
    await sleep(SETTLE_MS);

    // The drop: every connection cut at once, while the drawer keeps drawing.
    const lastEventId = before.lastEventId();
    before.close();
    editor.provider.disconnect();
    poller.drop();
    const dropStart = now();
    dropWindow = { start: dropStart, end: dropStart + dropSeconds * 1000 };
    const changes = Math.max(1, Math.floor((dropSeconds * 1000) / CHANGE_INTERVAL_MS));
    for (let i = 0; i < changes; i++) {
      await sleep(dropStart + (i + 0.5) * ((dropSeconds * 1000) / changes) - now());
      drawer.draw();
    }
    await sleep(dropWindow.end - now());
    const notes: string[] = [];
    if (lastEventId === undefined) notes.push("the viewer had seen no event id before the drop");

    // Back, one at a time, each on a new connection.
    const rows: Array<Omit<ReconnectRow, "traffic"> & { key: string | undefined }> = [];
    const backAt = now();
    const resumed = openSseStream(board, board.eventsPath, lastEventId, (event, at) => timing.receive(event, at));
    closers.push(resumed.close);
    const resumeMs = await until(() => timing.strokesInWindow >= changes || (resumed.events[SSE_EVENTS.snapshot] ?? 0) > 0, "SSE resume");
    rows.push({ way: "sse-resume", received: eventsList(resumed.events), caughtUpMs: resumeMs, key: resumed.socketKey() });

    const fresh = openSseStream(board, board.eventsPath, undefined, () => undefined);
    closers.push(fresh.close);
    const freshMs = await until(() => (fresh.events[SSE_EVENTS.snapshot] ?? 0) > 0, "SSE without Last-Event-ID");
    rows.push({ way: "sse-fresh", received: eventsList(fresh.events), caughtUpMs: freshMs, key: fresh.socketKey() });

    const messagesIn = editor.counts.messagesIn;
    const messagesOut = editor.counts.messagesOut;
    editor.provider.connect();
    const resyncMs = await until(() => editorCaughtUp(editor, drawer), "WebSocket re-sync");
    await sleep(SETTLE_MS);
    rows.push({
      way: "websocket-resync",
      received: `${counted(editor.counts.messagesIn - messagesIn, "message")} in, ${editor.counts.messagesOut - messagesOut} out`,
      caughtUpMs: resyncMs,
      key: editor.socketKey(),
    });

    const newTab = openProviderEditor(board.wsUrl, EDITOR_STATE);
    closers.push(newTab.destroy);
    const newTabMs = await until(() => editorCaughtUp(newTab, drawer), "WebSocket with an empty doc");
    await sleep(SETTLE_MS);
    rows.push({ way: "websocket-fresh", received: `${counted(newTab.counts.messagesIn, "message")} in, ${newTab.counts.messagesOut} out`, caughtUpMs: newTabMs, key: newTab.socketKey() });

    const poll = await poller.poll();
    rows.push({ way: "poll", received: `HTTP ${poll.status}`, caughtUpMs: poll.endedAt - poll.startedAt, key: poller.socketKey() });
    if (poll.status !== 200) notes.push(`the poll after the drop was answered ${poll.status}, not 200 with the changed list`);

    await sleep(SETTLE_MS);
    const counters = await tcpSnapshot(board);
    const loopDelay = await server.loopDelay.read(backAt, now());
    const none = new Map<string, TcpCounters>();
    return {
      dropSeconds,
      seedStrokes: SEED_STROKES,
      changesDuringDrop: changes,
      loopDelay,
      rows: rows.map(({ key, ...row }) => ({ ...row, traffic: key === undefined ? undefined : trafficBetween(none, counters, { keys: [key] }).total })),
      notes,
    };
  } finally {
    for (const close of closers.reverse()) close();
  }
}

function eventsList(events: Record<string, number>): string {
  const list = Object.entries(events).map(([name, n]) => `${n} ${name}`);
  return list.length === 0 ? "no event" : `events: ${list.join(", ")}`;
}

export function runReconnect(repoRoot: string, onServer: (s: ServerUnderTest | undefined) => void, dropSeconds: number): Promise<ReconnectResult> {
  return withFreshServer(repoRoot, onServer, (server) => measureReconnect(server, dropSeconds));
}

const WAY_LABEL: Record<ReconnectWay, string> = {
  "sse-resume": "SSE: resume with Last-Event-ID",
  "sse-fresh": "SSE: a new page (no Last-Event-ID, so a snapshot)",
  "websocket-resync": "WebSocket: the provider re-syncs its doc",
  "websocket-fresh": "WebSocket: a new tab (empty doc)",
  poll: "polling: the next poll (If-None-Match, now stale)",
};

export function reconnectTable(result: ReconnectResult): ReportTable {
  return {
    title: `Reconnecting after a ${result.dropSeconds} s drop`,
    setup:
      `A board of ${result.seedStrokes} strokes. Each client was up to date, then its connection was cut for ${result.dropSeconds} s ` +
      `while an editor made ${result.changesDuringDrop} changes (a stroke each); then it came back on a new connection.`,
    headers: ["client", "what it received", "bytes server→client", "bytes client→server", "packets ↓ / ↑", "caught up after"],
    rows: result.rows.map((row) => [
      WAY_LABEL[row.way],
      row.received,
      whole(row.traffic?.bytesReceived),
      whole(row.traffic?.bytesSent),
      row.traffic === undefined ? "-" : `${figure(row.traffic.segsIn)} / ${figure(row.traffic.segsOut)}`,
      duration(row.caughtUpMs),
    ]),
    legend: [
      "bytes and packets: the new connection from its SYN until the client held every change and half a second more (for WebSocket, the awareness both ways), HTTP request and response headers, the WebSocket upgrade and framing included (tcp_info via ss). Plain HTTP here: over TLS add its handshake to each new connection.",
      `server event loop while they came back (${LOOP_DELAY_HEADER}): ${loopDelayCell(result.loopDelay)}.`,
      "caught up after: from the request (or the provider's connect) to the last change held. A gallery polls on its own schedule: its next poll comes up to a poll interval after the network is back; the time here is that poll's own.",
    ],
    notes: result.notes,
  };
}

/**
 * A load process of clients of one channel: WebSocket clients (y-websocket protocol: the sync
 * handshake, pings answered, optionally awareness), SSE viewers, or pollers of the library. A
 * few WebSocket and SSE clients are probes that time every stroke; the rest read everything and
 * keep nothing (cursors/drain-socket.ts, sse/bulk-viewer.ts), so a thousand of them cost this
 * process far less than they cost the server. Pollers all keep their timings: they are few
 * requests. Bytes are not counted here: the coordinator reads them from the kernel (tcp-info.ts).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { report, serveCommands } from "../channel.js";
import { now } from "../cursors/clock.js";
import { openDrainSocket } from "../cursors/drain-socket.js";
import { openMany, trackCloses, type LoadSocket } from "../cursors/load-socket.js";
import { isSyncUpdate } from "../cursors/protocol.js";
import { concatenate } from "../cursors/stats.js";
import { UpdateReceipts } from "../cursors/update-receipts.js";
import { openWsSocket } from "../cursors/ws-socket.js";
import { openBulkViewer } from "../sse/bulk-viewer.js";
import type { ViewerSlot } from "../sse/messages.js";
import { ProbeTiming, type Window } from "../sse/probe-timing.js";
import { openProbeViewer } from "../sse/probe-viewer.js";
import { errorKind, type ViewerConnection } from "../sse/viewer-connection.js";
import type { ClientsConnect, ClientsResult, ClientsSchedule, FromClients, PollPlan } from "./client-messages.js";
import { announceAwareness } from "./observer-awareness.js";
import { Poller } from "./poller.js";

/** Often enough that a round of polls is seen answered within a few tens of milliseconds. */
const PROGRESS_INTERVAL_MS = 50;
const VIEWER_COLOR = "#868e96";

interface HeldPoller {
  index: number;
  poller: Poller;
  inFlight: boolean;
}

function runClients(): void {
  const sockets: LoadSocket[] = [];
  const receipts: UpdateReceipts[] = [];
  const awarenessStops: Array<() => void> = [];
  const viewers: ViewerConnection[] = [];
  const pollers: HeldPoller[] = [];
  const polls: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const errors: Record<string, number> = {};
  let closeTracker: ReturnType<typeof trackCloses> | undefined;
  let pollsSkipped = 0;
  let pollErrors = 0;
  let viewersEnded = 0;
  let finished = false;
  let window: Window = { start: Infinity, end: -Infinity };
  const timing = new ProbeTiming(() => window);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();

  const received = (): number =>
    receipts.reduce((n, r) => n + r.count, 0) + timing.strokesInWindow + polls.length / 4;
  const progress = setInterval(() => report<FromClients>({ type: "progress", received: received() }), PROGRESS_INTERVAL_MS);

  async function openWebSocket(command: ClientsConnect, slot: ViewerSlot): Promise<LoadSocket> {
    const url = `ws://${command.host}:${command.port}${command.path}`;
    let socket: LoadSocket;
    if (slot.probe) {
      const updates = new UpdateReceipts();
      receipts.push(updates);
      socket = await openWsSocket(url, command.timeoutMs, (data, at) => (isSyncUpdate(data) ? updates.receive(data, at) : undefined), now);
    } else {
      socket = await openDrainSocket(url, command.timeoutMs);
    }
    if (command.awareness) {
      const state = { user: { name: `viewer ${slot.index + 1}`, color: VIEWER_COLOR } };
      awarenessStops.push(announceAwareness((message) => (socket.isOpen ? socket.send(message) : undefined), state));
    }
    return socket;
  }

  async function openViewer(command: ClientsConnect, slot: ViewerSlot): Promise<ViewerConnection> {
    const target = { host: command.host, port: command.port, path: command.path, localAddress: slot.localAddress };
    const connection = slot.probe
      ? await openProbeViewer(target, command.timeoutMs, (event, at) => timing.receive(event, at))
      : await openBulkViewer(target, command.timeoutMs);
    connection.onEnd(() => {
      if (!finished) viewersEnded++;
    });
    return connection;
  }

  /** A member of the shared library, with the list's ETag from its first poll. */
  async function openPoller(command: ClientsConnect, slot: ViewerSlot): Promise<HeldPoller> {
    if (command.invite === undefined) throw new Error("pollers need the library's invite");
    const poller = new Poller({ host: command.host, port: command.port }, slot.localAddress);
    await poller.join(command.invite);
    const first = await poller.poll();
    if (first.status !== 200) throw new Error(`first poll: HTTP ${first.status}`);
    return { index: slot.index, poller, inFlight: false };
  }

  async function connect(command: ClientsConnect): Promise<void> {
    const opened = await openMany(command.slots.length, command.concurrency, async (i) => {
      const slot = command.slots[i] as ViewerSlot;
      switch (command.kind) {
        case "websocket":
          sockets.push(await openWebSocket(command, slot));
          return;
        case "sse":
          viewers.push(await openViewer(command, slot));
          return;
        case "polling":
          pollers.push(await openPoller(command, slot));
          return;
        default: {
          const unknown: never = command.kind;
          throw new Error(`unknown channel ${String(unknown)}`);
        }
      }
    });
    closeTracker = trackCloses(sockets);
    if (opened.firstError !== undefined) errors[opened.firstError] = opened.failed;
    report<FromClients>({ type: "connected", ready: sockets.length + viewers.length + pollers.length, failed: opened.failed, errors });
  }

  function firePoll(held: HeldPoller): void {
    if (held.inFlight) {
      pollsSkipped++;
      return;
    }
    held.inFlight = true;
    held.poller
      .poll()
      .then((outcome) => polls.push(held.index, outcome.startedAt, outcome.endedAt, outcome.status))
      .catch((err: unknown) => {
        pollErrors++;
        const kind = errorKind(err);
        errors[kind] = (errors[kind] ?? 0) + 1;
      })
      .finally(() => (held.inFlight = false));
  }

  /** Absolute slots: a late timer does not push the poller's later polls back. */
  function pollFrom(held: HeldPoller, at: number, plan: PollPlan): void {
    if (finished || at >= plan.to) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      firePoll(held);
      pollFrom(held, at + plan.intervalMs, plan);
    }, at - now());
    timers.add(timer);
  }

  function schedule(command: ClientsSchedule): void {
    window = { start: command.windowStart, end: command.windowEnd };
    const plan = command.polls;
    if (plan === undefined) return;
    for (const held of pollers) pollFrom(held, plan.from + ((held.index + 0.5) / plan.of) * plan.intervalMs, plan);
  }

  function finish(): void {
    finished = true;
    clearInterval(progress);
    for (const timer of timers) clearTimeout(timer);
    closeTracker?.stop();
    const wsCloses = Object.values(closeTracker?.closes ?? {}).reduce((n, c) => n + c, 0);
    const result: ClientsResult = {
      role: "clients",
      latencies: Float64Array.from(timing.updateLatencies),
      receipts: concatenate(receipts.map((r) => r.triples())),
      polls: Float64Array.from(polls),
      pollsSkipped,
      reconnectedPollers: pollers.filter((p) => p.poller.connections > 1).length,
      closedEarly: wsCloses + viewersEnded + pollErrors,
      loopDelayP99Ms: loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : undefined,
    };
    for (const socket of sockets) socket.terminate();
    for (const stop of awarenessStops) stop();
    for (const viewer of viewers) viewer.destroy();
    for (const held of pollers) held.poller.close();
    report<FromClients>({ type: "result", result });
  }

  serveCommands({ connect, schedule, finish });
}

runClients();

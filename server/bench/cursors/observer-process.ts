/**
 * A load process of observers: sockets that move no cursor and time every cursor state they
 * receive against the send time the editor stamped into it, and note when each document update
 * arrives (update-receipts.ts), for benches where someone draws.
 */
import type { ConnectCommand, FromLoad, ObserverResult, ScheduleCommand } from "./messages.js";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { now } from "./clock.js";
import { report, serveCommands } from "../channel.js";
import { syncStep1For, forEachAwarenessEntry, isSyncUpdate, sendTimeOf } from "./protocol.js";
import { concatenate } from "./stats.js";
import { UpdateReceipts } from "./update-receipts.js";
import { openMany, totalBytesRead, trackCloses, type LoadSocket } from "./load-socket.js";
import { openWsSocket } from "./ws-socket.js";

/** Often enough that the coordinator sees delivery stop within a fraction of its quiet period. */
const PROGRESS_INTERVAL_MS = 200;

interface Observer {
  /** Newest clock seen per client, any time: an awareness client ignores states not newer. */
  newest: Map<number, number>;
  /** Newest clock per client among states sent inside the window. */
  newestInWindow: Map<number, number>;
  updates: UpdateReceipts;
}

function runObservers(): void {
  let sockets: LoadSocket[] = [];
  let closeTracker: ReturnType<typeof trackCloses> | undefined;
  const observers: Observer[] = [];
  const latencies: number[] = [];
  /** Every new state, the warm-up's too: a server still delivering its backlog is not done. */
  let newStates = 0;
  let windowStart = Infinity;
  let windowEnd = -Infinity;
  let undecodable = 0;
  let bytesAtStart = 0;
  let bytesAtEnd: number | undefined;
  let progressTimer: NodeJS.Timeout | undefined;
  // A receive time is taken when the message handler runs: a late loop inflates every latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });

  function receive(observer: Observer, data: Uint8Array, receivedAt: number): void {
    try {
      if (isSyncUpdate(data)) {
        const before = observer.updates.count;
        observer.updates.receive(data, receivedAt);
        newStates += observer.updates.count - before;
        return;
      }
      forEachAwarenessEntry(data, (clientId, clock, json) => {
        // Dedupe as an awareness client would: only a newer clock is a new state.
        if (clock <= (observer.newest.get(clientId) ?? 0)) return;
        observer.newest.set(clientId, clock);
        newStates++;
        const t = sendTimeOf(json);
        if (t === undefined || t < windowStart || t >= windowEnd) return;
        latencies.push(receivedAt - t);
        observer.newestInWindow.set(clientId, clock);
      });
    } catch {
      undecodable++;
    }
  }

  async function connect(command: ConnectCommand): Promise<void> {
    const syncStep1 = syncStep1For(command.stateVector);
    const opened = await openMany(command.clients.length, command.concurrency, () => {
      const observer: Observer = { newest: new Map(), newestInWindow: new Map(), updates: new UpdateReceipts() };
      observers.push(observer);
      return openWsSocket(command.url, command.timeoutMs, (data, at) => receive(observer, data, at), now, syncStep1);
    });
    sockets = opened.sockets;
    closeTracker = trackCloses(sockets);
    report<FromLoad>({
      type: "connected",
      ready: sockets.length,
      failed: opened.failed,
      firstError: opened.firstError,
    });
  }

  function start(schedule: ScheduleCommand): void {
    windowStart = schedule.windowStart;
    windowEnd = schedule.windowEnd;
    setTimeout(() => (bytesAtStart = totalBytesRead(sockets)), windowStart - now());
    setTimeout(() => (bytesAtEnd = totalBytesRead(sockets)), windowEnd - now());
    setTimeout(() => loopDelay.enable(), windowStart - now());
    setTimeout(() => loopDelay.disable(), windowEnd - now());
    progressTimer = setInterval(() => report<FromLoad>({ type: "progress", received: newStates }), PROGRESS_INTERVAL_MS);
  }

  function finish(): void {
    clearInterval(progressTimer);
    closeTracker?.stop();
    const result: ObserverResult = {
      role: "observers",
      latencies: Float64Array.from(latencies),
      maxClocks: observers.map((o) => o.newestInWindow),
      bytesInWindow: (bytesAtEnd ?? totalBytesRead(sockets)) - bytesAtStart,
      closes: closeTracker?.closes ?? {},
      undecodable,
      loopDelayP99Ms: loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : undefined,
      updateReceipts: concatenate(observers.map((o) => o.updates.triples())),
    };
    for (const socket of sockets) socket.terminate();
    report<FromLoad>({ type: "result", result });
  }

  serveCommands({ connect, schedule: start, finish });
}

runObservers();

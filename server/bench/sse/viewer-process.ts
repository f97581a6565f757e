/**
 * A load process of viewers: opens its share of the event streams in the order it was given
 * (probes among them), holds them, and at the end reports what the probes timed and what every
 * stream received in the window.
 */
import type { FromLoad, Schedule, ViewersConnect, ViewerSlot, ViewersResult } from "./messages.js";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { now } from "../cursors/clock.js";
import { openBulkViewer } from "./bulk-viewer.js";
import { report, serveCommands } from "../channel.js";
import { ProbeTiming, type Window } from "./probe-timing.js";
import { openProbeViewer } from "./probe-viewer.js";
import { errorKind, type ViewerConnection } from "./viewer-connection.js";

/** Often enough that the coordinator sees the ramp move and delivery stop within its quiet period. */
const PROGRESS_INTERVAL_MS = 200;
/**
 * Past this many failed connections the process stops trying: the machine or the server has hit
 * a limit (EMFILE, EADDRNOTAVAIL, a full backlog), and more attempts would only add timeouts.
 */
const MAX_FAILURES = 100;

interface Held {
  probe: boolean;
  connection: ViewerConnection;
  bytesAtStart: number;
  bytesAtEnd: number | undefined;
}

function runViewers(): void {
  const held: Held[] = [];
  const errors: Record<string, number> = {};
  let failed = 0;
  let closedEarly = 0;
  let finished = false;
  let window: Window = { start: Infinity, end: -Infinity };
  const timing = new ProbeTiming(() => window);
  // A receive time is taken when the data handler runs: a late loop inflates every latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  const progress = setInterval(
    () => report<FromLoad>({ type: "progress", open: held.length - closedEarly, events: timing.events }),
    PROGRESS_INTERVAL_MS,
  );

  async function openOne(command: ViewersConnect, slot: ViewerSlot): Promise<void> {
    const target = { host: command.host, port: command.port, path: command.path, localAddress: slot.localAddress };
    try {
      const connection = slot.probe
        ? await openProbeViewer(target, command.connectTimeoutMs, (event, at) => timing.receive(event, at))
        : await openBulkViewer(target, command.connectTimeoutMs);
      held.push({ probe: slot.probe, connection, bytesAtStart: 0, bytesAtEnd: undefined });
      connection.onEnd(() => {
        if (!finished) closedEarly++;
      });
    } catch (err) {
      failed++;
      const kind = errorKind(err);
      errors[kind] = (errors[kind] ?? 0) + 1;
    }
  }

  async function connect(command: ViewersConnect): Promise<void> {
    let next = 0;
    // Slots are taken in order by a few lanes, so the server sees the run's connection order
    // (probes first, in the middle and last) and the ramp never floods its accept backlog.
    const lane = async (): Promise<void> => {
      while (next < command.slots.length && now() < command.rampDeadline && failed < MAX_FAILURES) {
        await openOne(command, command.slots[next++] as ViewerSlot);
      }
    };
    await Promise.all(Array.from({ length: Math.min(command.concurrency, command.slots.length) }, lane));
    const skipped = command.slots.length - next;
    if (skipped > 0) errors[failed >= MAX_FAILURES ? "not tried after repeated failures" : "ramp deadline passed"] = skipped;
    report<FromLoad>({
      type: "connected",
      ready: held.length,
      probes: held.filter((h) => h.probe).length,
      failed: failed + skipped,
      errors,
    });
  }

  function start(schedule: Schedule): void {
    window = { start: schedule.windowStart, end: schedule.windowEnd };
    setTimeout(() => {
      for (const h of held) h.bytesAtStart = h.connection.bytesRead();
      loopDelay.enable();
    }, schedule.windowStart - now());
    setTimeout(() => {
      for (const h of held) h.bytesAtEnd = h.connection.bytesRead();
      loopDelay.disable();
    }, schedule.windowEnd - now());
  }

  function finish(): void {
    finished = true;
    clearInterval(progress);
    let probeBytes = 0;
    let bulkBytes = 0;
    for (const h of held) {
      const bytes = (h.bytesAtEnd ?? h.connection.bytesRead()) - h.bytesAtStart;
      if (h.probe) probeBytes += bytes;
      else bulkBytes += bytes;
      h.connection.destroy();
    }
    const probes = held.filter((h) => h.probe).length;
    const result: ViewersResult = {
      role: "viewers",
      updateLatencies: Float64Array.from(timing.updateLatencies),
      presenceLatencies: Float64Array.from(timing.presenceLatencies),
      strokesReceived: timing.strokesInWindow,
      probes,
      bulk: held.length - probes,
      probeBytes,
      bulkBytes,
      closedEarly,
      probeTally: timing.tally,
      undecodable: timing.undecodable,
      loopDelayP99Ms: loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : undefined,
    };
    report<FromLoad>({ type: "result", result });
  }

  serveCommands({ connect, schedule: start, finish });
}

runViewers();

/**
 * "What breaks when you choose wrong": sentences whose every number comes from this run. A
 * sentence whose figures were not all measured (a section not run, a row that failed) is left
 * out rather than written with a gap.
 */
import { POLL_INTERVAL_MS } from "@whiteboard/shared";
import type { ChangeRow } from "./change-cost.js";
import { memoryPerConnection } from "./change-tables.js";
import type { ChannelKind } from "./client-messages.js";
import { observerMemory } from "./observers.js";
import type { ChannelsOutcome } from "./sections.js";
import { ms } from "../format.js";
import { duration, figure, kilobytes, megabytes, ratio, whole } from "./units.js";

/** Every value defined, or undefined: a sentence is written whole or not at all. */
function all<T extends readonly unknown[]>(...values: T): { [K in keyof T]: NonNullable<T[K]> } | undefined {
  return values.every((v) => v !== undefined) ? (values as { [K in keyof T]: NonNullable<T[K]> }) : undefined;
}

function largest(rows: readonly ChangeRow[], channel: ChannelKind): ChangeRow | undefined {
  return rows.filter((r) => r.channel === channel && r.error === undefined).sort((a, b) => b.clients - a.clients)[0];
}

function observerFindings(outcome: ChannelsOutcome): string[] {
  const find = (server: string, channel: string) => outcome.observers.find((r) => r.server === server && r.channel === channel && r.error === undefined);
  const ws = find("ours", "websocket");
  const sse = find("ours", "sse");
  const ref = find("reference", "websocket");
  const out: string[] = [];
  const memory = all(ws && observerMemory(ws), sse && observerMemory(sse), ws?.cpuPercent, sse?.cpuPercent);
  if (ws !== undefined && memory !== undefined) {
    const [wsMem, sseMem, wsCpu, sseCpu] = memory;
    const reference = ref === undefined ? undefined : all(observerMemory(ref), ref.cpuPercent);
    out.push(
      `${ws.observers.toLocaleString("en")} observers over WebSockets cost ${megabytes(wsMem)} MB of server memory against ${megabytes(sseMem)} MB over SSE, ` +
        `and ${figure(wsCpu)}% of a core against ${figure(sseCpu)}% while one editor draws` +
        (reference === undefined ? "." : ` (on the y-websocket reference server: ${megabytes(reference[0])} MB and ${figure(reference[1])}%).`),
    );
  }
  const written = all(ws?.bytesPerSecond, sse?.bytesPerSecond, ws?.loopDelay?.p99Ms, sse?.loopDelay?.p99Ms);
  if (written !== undefined) {
    const [wsBytes, sseBytes, wsDelay, sseDelay] = written;
    out.push(
      `Meanwhile the server writes ${megabytes(wsBytes)} MB/s to those WebSocket observers against ${megabytes(sseBytes)} MB/s to as many SSE viewers of the same drawing, ` +
        `and its event loop runs late by up to ${ms(wsDelay)} ms (p99) against ${ms(sseDelay)} ms: everything else the server does waits that long.`,
    );
  }
  return out;
}

function pollingFindings(outcome: ChannelsOutcome): string[] {
  const ok = outcome.polling.filter((r) => r.error === undefined);
  const fast = ok.reduce<(typeof ok)[number] | undefined>((a, r) => (a === undefined || r.intervalSeconds < a.intervalSeconds ? r : a), undefined);
  const slow = ok.reduce<(typeof ok)[number] | undefined>((a, r) => (a === undefined || r.intervalSeconds > a.intervalSeconds ? r : a), undefined);
  if (fast === undefined || slow === undefined || fast === slow) return [];
  const figures = all(
    ratio(fast.requestsPerMinute, slow.requestsPerMinute),
    ratio(fast.cpuMsPerMinute, slow.cpuMsPerMinute),
    fast.notModifiedShare,
    fast.latency?.p50,
    slow.latency?.p50,
    slow.latency?.max,
  );
  if (figures === undefined) return [];
  const [requests, cpu, share, fastP50, slowP50, slowMax] = figures;
  return [
    `Polling the list every ${fast.intervalSeconds} s instead of ${slow.intervalSeconds} s costs ${requests} the requests and ${cpu} the server CPU ` +
      `(${whole(fast.cpuMsPerMinute)} against ${whole(slow.cpuMsPerMinute)} ms a minute for ${fast.ready} galleries), ${(share * 100).toFixed(1)}% of them 304s, ` +
      `to show a change after p50 ${duration(fastP50)} instead of ${duration(slowP50)} (at most ${duration(slowMax)}).`,
  ];
}

function latencyFindings(outcome: ChannelsOutcome): string[] {
  const sse = largest(outcome.change, "sse");
  const ws = largest(outcome.change, "websocket");
  const slow = outcome.polling.filter((r) => r.error === undefined && r.intervalSeconds * 1000 === POLL_INTERVAL_MS)[0];
  const figures = all(sse?.latency?.p50, ws?.latency?.p50, slow?.latency?.p50, slow?.latency?.max);
  if (figures === undefined || sse === undefined) return [];
  const [sseP50, wsP50, pollP50, pollMax] = figures;
  return [
    `A viewer on polling would see a change after up to ${POLL_INTERVAL_MS / 1000} s (measured: p50 ${duration(pollP50)}, at most ${duration(pollMax)}), ` +
      `against p50 ${duration(sseP50)} over SSE and ${duration(wsP50)} over WebSocket with ${sse.clients.toLocaleString("en")} clients.`,
  ];
}

function changeFindings(outcome: ChannelsOutcome): string[] {
  const sse = largest(outcome.change, "sse");
  const ws = largest(outcome.change, "websocket");
  const poll = largest(outcome.change, "polling");
  const out: string[] = [];
  const cpu = all(sse?.cpuMsPerChange, ws?.cpuMsPerChange, poll?.cpuMsPerChange, poll?.unchanged?.cpuMsPerRound, sse?.perChange, poll?.perChange, poll?.unchanged?.perRound);
  if (cpu !== undefined && sse !== undefined && poll !== undefined) {
    const [sseCpu, wsCpu, pollCpu, pollIdleCpu, sseBytes, pollBytes, pollIdleBytes] = cpu;
    out.push(
      `One change reaching ${sse.clients.toLocaleString("en")} viewers costs the server ${figure(sseCpu)} ms of CPU and ${kilobytes(sseBytes.bytesReceived)} KB over SSE ` +
        `(${figure(wsCpu)} ms over WebSocket); reaching ${poll.clients.toLocaleString("en")} galleries costs their polls ${figure(pollCpu)} ms and ${kilobytes(pollBytes.bytesReceived)} KB, ` +
        `and the same polls cost ${figure(pollIdleCpu)} ms and ${kilobytes(pollIdleBytes.bytesReceived)} KB when nothing changed.`,
    );
  }
  const memory = all(ws && memoryPerConnection(ws), sse && memoryPerConnection(sse), poll && memoryPerConnection(poll));
  if (memory !== undefined) {
    out.push(`Held open, a connection costs the server about ${kilobytes(memory[0])} KB as an editor's WebSocket, ${kilobytes(memory[1])} KB as a viewer's stream and ${kilobytes(memory[2])} KB as a gallery's idle keep-alive.`);
  }
  return out;
}

function idleFindings(outcome: ChannelsOutcome): string[] {
  const by = (channel: ChannelKind) => outcome.idle?.channels.find((c) => c.channel === channel)?.perMinute;
  const figures = all(by("websocket"), by("sse"), by("polling"));
  if (figures === undefined) return [];
  const [ws, sse, poll] = figures;
  const both = (c: typeof ws): string => `${whole(c.bytesReceived + c.bytesSent)} bytes in ${whole(c.segsIn + c.segsOut)} packets`;
  return [`Idle, a minute costs an editor's WebSocket ${both(ws)}, a viewer's SSE ${both(sse)} and a gallery's 304 poll ${both(poll)}, both ways.`];
}

function reconnectFindings(outcome: ChannelsOutcome): string[] {
  const r = outcome.reconnect;
  const bytes = (way: string) => {
    const t = r?.rows.find((row) => row.way === way)?.traffic;
    return t === undefined ? undefined : t.bytesReceived + t.bytesSent;
  };
  const figures = all(bytes("sse-resume"), bytes("sse-fresh"), bytes("websocket-resync"), bytes("websocket-fresh"), bytes("poll"));
  if (figures === undefined || r === undefined) return [];
  const [resume, snapshot, resync, fresh, poll] = figures;
  return [
    `Back after a ${r.dropSeconds} s drop (${r.changesDuringDrop} changes missed), a viewer resuming with Last-Event-ID exchanges ${whole(resume)} bytes against ${whole(snapshot)} for a snapshot; ` +
      `an editor's provider re-syncs with ${whole(resync)} bytes (${whole(fresh)} from an empty doc); the gallery's next poll takes ${whole(poll)}.`,
  ];
}

export function findings(outcome: ChannelsOutcome): string[] {
  return [...observerFindings(outcome), ...pollingFindings(outcome), ...latencyFindings(outcome), ...changeFindings(outcome), ...idleFindings(outcome), ...reconnectFindings(outcome)];
}

import type { EditorResult, ObserverResult } from "./messages.js";

/**
 * A latency percentile: a value, or only a lower bound when it falls among states never seen,
 * whose latency is known to exceed the time the run waited for them.
 */
export type Latency = { kind: "value"; ms: number } | { kind: "above"; ms: number } | { kind: "none" };

export interface CursorFigures {
  /**
   * Over the states received plus those never seen (neither received nor superseded by a newer
   * one received): leaving the unseen out would make a server that falls behind look fast.
   */
  p50: Latency;
  p99: Latency;
  max: number | undefined;
  /** Distinct states received / states the observers should have received. */
  delivered: number;
  /**
   * States received or superseded by a newer one that was received / expected: what a
   * latest-wins cursor needs. A coalescing server may skip a position; it may not fall behind.
   */
  seen: number;
  /** Bytes the server sent in the window, as received by every client. */
  bytes: number;
  /** States the editors sent per editor per second in the window: is the load what we asked? */
  sendRateHz: number;
  closes: Record<string, number>;
  undecodable: number;
  observerLoopDelayP99Ms: number | undefined;
}

/** The parts end to end, in one array (latencies from several processes, say). */
export function concatenate(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, fraction: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/**
 * Nearest-rank percentile of `sorted` (ascending) followed by `unseen` states, each slower than
 * `unseenAbove` ms.
 */
export function percentileWithUnseen(sorted: Float64Array, unseen: number, unseenAbove: number, fraction: number): Latency {
  const population = sorted.length + unseen;
  if (population === 0) return { kind: "none" };
  const rank = Math.min(population - 1, Math.max(0, Math.ceil(fraction * population) - 1));
  return rank < sorted.length ? { kind: "value", ms: sorted[rank] as number } : { kind: "above", ms: unseenAbove };
}

function addCloses(into: Record<string, number>, from: Record<string, number>): void {
  for (const [code, count] of Object.entries(from)) into[code] = (into[code] ?? 0) + count;
}

export function summarize(
  editors: readonly EditorResult[],
  observers: readonly ObserverResult[],
  observerCount: number,
  editorCount: number,
  windowSeconds: number,
  /** How long after the window closed the run still waited: a lower bound for the unseen. */
  waitedMs: number,
): CursorFigures {
  const firstClock = new Map<number, number>();
  let sent = 0;
  let bytes = 0;
  const closes: Record<string, number> = {};
  for (const e of editors) {
    for (const [clientId, first] of e.ranges) firstClock.set(clientId, first);
    sent += e.sentInWindow;
    bytes += e.bytesInWindow;
    addCloses(closes, e.closes);
  }
  let received = 0;
  let seen = 0;
  let undecodable = 0;
  let loopDelay: number | undefined;
  const latencyParts: Float64Array[] = [];
  for (const o of observers) {
    received += o.latencies.length;
    latencyParts.push(o.latencies);
    bytes += o.bytesInWindow;
    undecodable += o.undecodable;
    if (o.loopDelayP99Ms !== undefined) loopDelay = Math.max(loopDelay ?? 0, o.loopDelayP99Ms);
    addCloses(closes, o.closes);
    for (const perObserver of o.maxClocks) {
      for (const [clientId, newest] of perObserver) {
        const first = firstClock.get(clientId);
        if (first !== undefined && newest >= first) seen += newest - first + 1;
      }
    }
  }
  const latencies = concatenate(latencyParts).sort();
  const expected = sent * observerCount;
  const unseen = Math.max(0, expected - seen);
  return {
    p50: percentileWithUnseen(latencies, unseen, waitedMs, 0.5),
    p99: percentileWithUnseen(latencies, unseen, waitedMs, 0.99),
    max: latencies.length > 0 ? latencies[latencies.length - 1] : undefined,
    delivered: expected > 0 ? received / expected : 0,
    seen: expected > 0 ? seen / expected : 0,
    bytes,
    sendRateHz: editorCount > 0 ? sent / editorCount / windowSeconds : 0,
    closes,
    undecodable,
    observerLoopDelayP99Ms: loopDelay,
  };
}

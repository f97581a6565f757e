/**
 * Pen-point latency: the pens' sends joined with the observers' receipts by update id (client,
 * clock). Points never received count as slower than the run waited for them, as cursor states
 * do (cursors/stats.ts): leaving them out would make a server that falls behind look fast.
 */
import { percentileWithUnseen, type Latency } from "../cursors/stats.js";

export interface PenFigures {
  p50: Latency;
  p99: Latency;
  max: number | undefined;
  /** Points sent in the window and received / points sent in the window x observers. */
  delivered: number;
  pointsSent: number;
  /** Points sent per pen per second in the window: was the load what we asked? */
  sendRateHz: number;
}

export function penFigures(
  sends: Float64Array,
  receipts: Float64Array,
  observers: number,
  pens: number,
  windowSeconds: number,
  /** How long after the window closed the run still waited: a lower bound for the unseen. */
  waitedMs: number,
): PenFigures {
  const sentAt = new Map<string, number>();
  for (let i = 0; i + 2 < sends.length; i += 3) sentAt.set(`${sends[i]}:${sends[i + 1]}`, sends[i + 2] as number);
  const latencies: number[] = [];
  for (let i = 0; i + 2 < receipts.length; i += 3) {
    const sent = sentAt.get(`${receipts[i]}:${receipts[i + 1]}`);
    if (sent !== undefined) latencies.push((receipts[i + 2] as number) - sent);
  }
  const sorted = Float64Array.from(latencies).sort();
  const expected = sentAt.size * observers;
  const unseen = Math.max(0, expected - sorted.length);
  return {
    p50: percentileWithUnseen(sorted, unseen, waitedMs, 0.5),
    p99: percentileWithUnseen(sorted, unseen, waitedMs, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : undefined,
    delivered: expected > 0 ? sorted.length / expected : 0,
    pointsSent: sentAt.size,
    sendRateHz: pens > 0 ? sentAt.size / pens / windowSeconds : 0,
  };
}

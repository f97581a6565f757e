import { concatenate, percentile } from "../cursors/stats.js";
import type { EditorsResult, EventTally, ViewersResult } from "./messages.js";

export interface SseFigures {
  updateP50: number | undefined;
  updateP99: number | undefined;
  updateMax: number | undefined;
  presenceP50: number | undefined;
  presenceP99: number | undefined;
  presenceMax: number | undefined;
  /** Strokes sent in the window that the probes received / strokes sent x probes. */
  delivered: number;
  strokesSent: number;
  /** Cursor moves sent per editor per second in the window: was the load what we asked? */
  cursorRateHz: number;
  probes: number;
  bulk: number;
  /**
   * Bytes a bulk viewer received in the window on average / the same for a probe. Every viewer
   * is written the same bytes, so this is about 1 unless the server dropped or starved bulk
   * viewers, which the probes alone would not show.
   */
  bulkToProbeBytes: number | undefined;
  /** Bytes the server wrote to all viewers per second of the window. */
  bytesPerSecond: number;
  closedEarly: number;
  /** Events and `data` bytes per second one viewer receives, by event name (from the probes). */
  perViewerSecond: Record<string, EventTally>;
  editorCloses: Record<string, number>;
  undecodable: number;
  viewerLoopDelayP99Ms: number | undefined;
}

function sortedConcat(parts: readonly Float64Array[]): Float64Array {
  return concatenate(parts).sort();
}

function perViewerSecond(viewers: readonly ViewersResult[], probes: number, windowSeconds: number): Record<string, EventTally> {
  const out: Record<string, EventTally> = {};
  if (probes === 0) return out;
  for (const v of viewers) {
    for (const [name, tally] of Object.entries(v.probeTally)) {
      const into = (out[name] ??= { events: 0, bytes: 0 });
      into.events += tally.events / probes / windowSeconds;
      into.bytes += tally.bytes / probes / windowSeconds;
    }
  }
  return out;
}

export function summarize(editors: EditorsResult, viewers: readonly ViewersResult[], editorCount: number, windowSeconds: number): SseFigures {
  const updates = sortedConcat(viewers.map((v) => v.updateLatencies));
  const presence = sortedConcat(viewers.map((v) => v.presenceLatencies));
  const sum = (pick: (v: ViewersResult) => number): number => viewers.reduce((n, v) => n + pick(v), 0);
  const probes = sum((v) => v.probes);
  const bulk = sum((v) => v.bulk);
  const probeBytes = sum((v) => v.probeBytes);
  const bulkBytes = sum((v) => v.bulkBytes);
  const expected = editors.strokesInWindow * probes;
  const loopDelays = viewers.map((v) => v.loopDelayP99Ms).filter((d): d is number => d !== undefined);
  return {
    updateP50: percentile(updates, 0.5),
    updateP99: percentile(updates, 0.99),
    updateMax: updates[updates.length - 1],
    presenceP50: percentile(presence, 0.5),
    presenceP99: percentile(presence, 0.99),
    presenceMax: presence[presence.length - 1],
    delivered: expected > 0 ? sum((v) => v.strokesReceived) / expected : 0,
    strokesSent: editors.strokesInWindow,
    cursorRateHz: editorCount > 0 ? editors.cursorsInWindow / editorCount / windowSeconds : 0,
    probes,
    bulk,
    bulkToProbeBytes: bulk > 0 && probeBytes > 0 ? bulkBytes / bulk / (probeBytes / probes) : undefined,
    bytesPerSecond: (probeBytes + bulkBytes) / windowSeconds,
    closedEarly: sum((v) => v.closedEarly),
    perViewerSecond: perViewerSecond(viewers, probes, windowSeconds),
    editorCloses: editors.closes,
    undecodable: sum((v) => v.undecodable),
    viewerLoopDelayP99Ms: loopDelays.length > 0 ? Math.max(...loopDelays) : undefined,
  };
}

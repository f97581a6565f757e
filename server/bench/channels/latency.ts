import { percentile } from "../cursors/stats.js";

/** Change-to-client latencies of a run, in ms: how many there are against how many were due. */
export interface LatencyFigures {
  p50: number | undefined;
  p99: number | undefined;
  max: number | undefined;
  samples: number;
  expected: number;
}

export function latencyFigures(values: Float64Array | readonly number[], expected: number): LatencyFigures {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : undefined,
    samples: sorted.length,
    expected,
  };
}

/**
 * Preloaded into a server under test (`node --import <this file> server.js`), ours or the
 * reference, so the bench can read the server's own event-loop delay without a line of product
 * code knowing about it. Plain JavaScript: the server runs under plain node, without tsx.
 *
 * The delay is node's monitorEventLoopDelay at RESOLUTION_MS. Each of its samples is moved, with
 * the time it was taken, into a ring of recent samples, and the bench asks for a window by its
 * own clock (the shared clock of cursors/clock.ts) after the window has closed:
 *
 *   request := {"loopDelay": {"from": ms, "to": ms}}             one line on stdin
 *   answer  := {"loopDelayProbe": {"from", "to", "samples", "p50Ms", "p99Ms", "maxMs",
 *                                  "gcPauses", "gcTotalMs", "gcMaxMs"}}   one line on stderr
 *
 * Garbage-collection pauses in the window come with it, from a `gc` performance observer: a
 * stall that is one long GC points at the heap (a big board's Y.Doc is millions of objects), one
 * that is not points at code.
 *
 * Why not "reset at the start, read at the end" on a signal: the signal is handled by the very
 * loop it measures. A server stalled for 5 s across the window's start (the reference under this
 * load does that) would reset after the stall, and the window would show nothing of it.
 */
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { createInterface } from "node:readline";

/**
 * The histogram samples the interval between ticks of a timer repeating every RESOLUTION_MS, so
 * an idle loop records about RESOLUTION_MS; what is kept is that interval minus RESOLUTION_MS:
 * how late the loop came back. 5 ms is fine enough to see a 10 ms stall and costs the server
 * 400 timer wake-ups a second (the histogram's and the collector's), nothing beside its load.
 */
const RESOLUTION_MS = 5;
const NS_PER_MS = 1e6;
/** Samples kept: at one per RESOLUTION_MS, about five minutes; a window is read seconds after it ends. */
const RING_SAMPLES = 65_536;

const now = () => performance.timeOrigin + performance.now();
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

const times = new Float64Array(RING_SAMPLES);
const delays = new Float64Array(RING_SAMPLES);
let written = 0;

function keep(at, intervalNs) {
  const slot = written % RING_SAMPLES;
  times[slot] = at;
  delays[slot] = Math.max(0, intervalNs / NS_PER_MS - RESOLUTION_MS);
  written += 1;
}

// Collected as often as the histogram samples, so it holds one sample (rarely two) at a time
// and nothing is lost by reading only its min, max and mean. A stall delays this timer too: the
// stall's sample is stamped when the loop came back, which is when the stall ended.
const collector = setInterval(() => {
  const count = histogram.count;
  if (count === 0) return;
  const at = now();
  keep(at, histogram.min);
  if (count >= 2) keep(at, histogram.max);
  for (let i = 2; i < count; i++) keep(at, histogram.mean);
  histogram.reset();
}, RESOLUTION_MS);
collector.unref();

/** GC pauses: [end time, duration ms] on the same clock, a ring like the samples'. */
const gcEnds = new Float64Array(RING_SAMPLES);
const gcDurations = new Float64Array(RING_SAMPLES);
let gcWritten = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const slot = gcWritten % RING_SAMPLES;
    gcEnds[slot] = performance.timeOrigin + entry.startTime + entry.duration;
    gcDurations[slot] = entry.duration;
    gcWritten += 1;
  }
}).observe({ entryTypes: ["gc"] });

function gcIn(from, to) {
  let pauses = 0;
  let total = 0;
  let max = 0;
  for (let i = Math.max(0, gcWritten - RING_SAMPLES); i < gcWritten; i++) {
    const slot = i % RING_SAMPLES;
    if (gcEnds[slot] <= from || gcEnds[slot] - gcDurations[slot] >= to) continue;
    pauses += 1;
    total += gcDurations[slot];
    max = Math.max(max, gcDurations[slot]);
  }
  return { gcPauses: pauses, gcTotalMs: total, gcMaxMs: max };
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** A sample belongs to the window when the stall it measures overlaps it. */
function answer(from, to) {
  const picked = [];
  for (let i = Math.max(0, written - RING_SAMPLES); i < written; i++) {
    const slot = i % RING_SAMPLES;
    const end = times[slot];
    if (end > from && end - delays[slot] - RESOLUTION_MS < to) picked.push(delays[slot]);
  }
  const sorted = Float64Array.from(picked).sort();
  const figures =
    sorted.length === 0
      ? { samples: 0, p50Ms: null, p99Ms: null, maxMs: null }
      : { samples: sorted.length, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: sorted[sorted.length - 1] };
  process.stderr.write(`${JSON.stringify({ loopDelayProbe: { from, to, ...figures, ...gcIn(from, to) } })}\n`);
}

// Unref'd: the probe must never be what keeps a server from exiting.
process.stdin.unref?.();
createInterface({ input: process.stdin }).on("line", (line) => {
  let request;
  try {
    request = JSON.parse(line).loopDelay;
  } catch {
    return;
  }
  if (typeof request?.from !== "number" || typeof request?.to !== "number") return;
  // A request that waited behind a stall is read only after the collector has stamped that stall.
  setTimeout(() => answer(request.from, request.to), RESOLUTION_MS * 2);
});

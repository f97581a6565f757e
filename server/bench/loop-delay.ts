/**
 * The harness's side of loop-delay-probe.mjs: the node flags that preload it into a server under
 * test, and a reader that asks it for a window (by the shared clock, cursors/clock.ts) and parses
 * its answer from the server's output. Read beside a latency: a server whose loop stalls 200 ms
 * delays everything queued behind it, whatever the protocol does.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerProcess } from "./child.js";

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  /** Garbage-collection pauses that overlap the window: a stall that is one long GC is the heap's. */
  gc: { pauses: number; totalMs: number; maxMs: number };
}

export interface LoopDelayReader {
  /**
   * The delay over [from, to], asked after `to`; undefined when the window had no samples or
   * the probe did not answer in time.
   */
  read(from: number, to: number): Promise<LoopDelay | undefined>;
}

/** A server stalled for longer than this has a story the table tells anyway; n/a then. */
const ANSWER_TIMEOUT_MS = 20_000;
const PROBE_URL = pathToFileURL(fileURLToPath(new URL("./loop-delay-probe.mjs", import.meta.url))).href;

/** `node` flags for a server under test. */
export function loopDelayProbeArgs(): string[] {
  return ["--import", PROBE_URL];
}

interface ProbeAnswer {
  from: number;
  to: number;
  samples: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

function parse(line: string): ProbeAnswer | undefined {
  if (!line.startsWith('{"loopDelayProbe":')) return undefined;
  try {
    return (JSON.parse(line) as { loopDelayProbe: ProbeAnswer }).loopDelayProbe;
  } catch {
    return undefined;
  }
}

export function readLoopDelay(server: ServerProcess): LoopDelayReader {
  const waiting = new Map<string, (answer: ProbeAnswer) => void>();
  const key = (from: number, to: number): string => `${from}:${to}`;
  server.onLine((line) => {
    const answer = parse(line);
    if (answer === undefined) return;
    waiting.get(key(answer.from, answer.to))?.(answer);
  });
  return {
    read: (from, to) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(key(from, to));
          resolve(undefined);
        }, ANSWER_TIMEOUT_MS);
        waiting.set(key(from, to), ({ samples, p50Ms, p99Ms, maxMs, gcPauses, gcTotalMs, gcMaxMs }) => {
          clearTimeout(timer);
          waiting.delete(key(from, to));
          const gc = { pauses: gcPauses, totalMs: gcTotalMs, maxMs: gcMaxMs };
          resolve(samples === 0 || p50Ms === null || p99Ms === null || maxMs === null ? undefined : { p50Ms, p99Ms, maxMs, samples, gc });
        });
        server.writeLine(JSON.stringify({ loopDelay: { from, to } }));
      }),
  };
}

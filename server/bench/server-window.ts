/**
 * What a bench reads of the server under test over its measured window: CPU time, resident
 * memory at the end, and its own event-loop delay (loop-delay.ts). `start` and `end` are
 * synchronous, for a run's window-edge callbacks; the figures are collected afterwards.
 */
import { now } from "./cursors/clock.js";
import type { LoopDelay } from "./loop-delay.js";
import { sampleProcess, type ProcSample } from "./proc-stats.js";
import type { ServerUnderTest } from "./servers.js";

export interface ServerWindowFigures {
  /** User + system time over the window, % of one core. */
  cpuPercent: number | undefined;
  rssBytes: number | undefined;
  loopDelay: LoopDelay | undefined;
}

export interface ServerWindow {
  start(): void;
  end(): void;
  figures(): Promise<ServerWindowFigures>;
}

export function watchServerWindow(server: ServerUnderTest): ServerWindow {
  let atStart: { sample: ProcSample | undefined; at: number } | undefined;
  let atEnd: { sample: ProcSample | undefined; at: number } | undefined;
  return {
    start() {
      atStart = { sample: sampleProcess(server.pid), at: now() };
    },
    end() {
      atEnd = { sample: sampleProcess(server.pid), at: now() };
    },
    async figures() {
      if (atStart === undefined || atEnd === undefined) return { cpuPercent: undefined, rssBytes: undefined, loopDelay: undefined };
      const first = atStart.sample;
      const last = atEnd.sample;
      const seconds = (atEnd.at - atStart.at) / 1000;
      const loopDelay: LoopDelay | undefined = await server.loopDelay.read(atStart.at, atEnd.at);
      return {
        cpuPercent: first !== undefined && last !== undefined && seconds > 0 ? ((last.cpuSeconds - first.cpuSeconds) / seconds) * 100 : undefined,
        rssBytes: last?.rssBytes,
        loopDelay,
      };
    },
  };
}

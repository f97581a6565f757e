import type { Timers } from "../gallery/poller";
import type { ChannelMeter, ChannelReading } from "./channel-reading";
import { NO_TRAFFIC, type Traffic, trafficRate } from "./traffic";

export interface ChannelSample {
  reading: ChannelReading;
  /** Since the sample before. */
  perSecond: Traffic;
}

/** What the panel shows the moment it opens, before a second reading gives it rates. */
export function firstSample(meter: ChannelMeter): ChannelSample {
  return { reading: meter.read(), perSecond: NO_TRAFFIC };
}

export interface SamplingOptions<Handle> {
  meter: ChannelMeter;
  intervalMs: number;
  timers: Timers<Handle>;
  /** Milliseconds on a monotonic clock (`performance.now()`): the span a rate divides by. */
  now(): number;
  onSample(sample: ChannelSample): void;
}

/**
 * Reads `meter` every `intervalMs` from now, each reading with the rates since the one before
 * (the first, since the start); returns the stop. Only the open panel samples: the meter itself
 * schedules nothing.
 */
export function startSampling<Handle>({ meter, intervalMs, timers, now, onSample }: SamplingOptions<Handle>): () => void {
  let previous = { at: now(), traffic: meter.read().traffic };
  let handle: Handle | undefined;

  const sample = () => {
    const reading = meter.read();
    const at = now();
    onSample({ reading, perSecond: trafficRate(previous.traffic, reading.traffic, at - previous.at) });
    previous = { at, traffic: reading.traffic };
    handle = timers.setTimeout(sample, intervalMs);
  };

  handle = timers.setTimeout(sample, intervalMs);
  return () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };
}

import { useEffect, useState } from "react";
import { windowTimers } from "../gallery/poller-browser";
import type { ChannelMeter } from "./channel-reading";
import { type ChannelSample, firstSample, startSampling } from "./sampler";

/** Once a second is enough to read a rate by eye, and costs the open panel one render a second. */
const SAMPLE_INTERVAL_MS = 1000;

/** `meter`, sampled every second for as long as the component (the open panel) is mounted. */
export function useChannelSample(meter: ChannelMeter): ChannelSample {
  const [sample, setSample] = useState(() => firstSample(meter));
  useEffect(() => {
    setSample(firstSample(meter));
    return startSampling({
      meter,
      intervalMs: SAMPLE_INTERVAL_MS,
      timers: windowTimers(window),
      now: () => performance.now(),
      onSample: setSample,
    });
  }, [meter]);
  return sample;
}

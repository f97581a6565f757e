import { afterEach, describe, expect, it, vi } from "vitest";
import type { Timers } from "../gallery/poller";
import { createFeedMeter } from "./feed-meter";
import { createPollMeter } from "./poll-meter";
import { type ChannelSample, firstSample, startSampling } from "./sampler";
import { createSocketMeter } from "./socket-meter";

/** Timers the test runs by hand; `pending` is what is scheduled now. */
function manualTimers() {
  let next = 0;
  const pending = new Map<number, () => void>();
  const timers: Timers<number> = {
    setTimeout: (callback) => {
      pending.set(++next, callback);
      return next;
    },
    clearTimeout: (handle) => pending.delete(handle),
  };
  const fire = () => {
    const due = [...pending];
    pending.clear();
    for (const [, callback] of due) callback();
  };
  return { timers, pending, fire };
}

describe("sampling a meter for the open panel", () => {
  it("takes each rate per second from two samples, the first since the start", () => {
    const meter = createSocketMeter();
    meter.sent(new Uint8Array(1000));
    const { timers, fire } = manualTimers();
    let clock = 0;
    const samples: ChannelSample[] = [];
    const stop = startSampling({ meter, intervalMs: 1000, timers, now: () => clock, onSample: (s) => samples.push(s) });

    meter.sent(new Uint8Array(100));
    meter.sent(new Uint8Array(100));
    meter.received(new Uint8Array(50));
    clock = 2000;
    fire();
    meter.received(new Uint8Array(30));
    clock = 3000;
    fire();
    stop();

    // Two messages out in the two seconds since the start (what came before is not a rate): one a second.
    expect(samples[0]!.perSecond).toEqual({ messagesIn: 0.5, messagesOut: 1, bytesIn: 25, bytesOut: 100 });
    expect(samples[0]!.reading.traffic).toEqual({ messagesIn: 1, messagesOut: 3, bytesIn: 50, bytesOut: 1200 });
    expect(samples[1]!.perSecond).toEqual({ messagesIn: 1, messagesOut: 0, bytesIn: 30, bytesOut: 0 });
  });

  it("opens on the totals so far, at zero rates", () => {
    const meter = createPollMeter();
    meter.requested();
    expect(firstSample(meter)).toMatchObject({ reading: { polls: 1 }, perSecond: { messagesOut: 0, bytesIn: 0 } });
  });

  it("schedules one timer while running, and none once stopped", () => {
    const { timers, pending, fire } = manualTimers();
    const stop = startSampling({ meter: createPollMeter(), intervalMs: 1000, timers, now: () => 0, onSample: () => undefined });
    expect(pending.size).toBe(1);
    fire();
    expect(pending.size).toBe(1);
    stop();
    expect(pending.size).toBe(0);
  });
});

describe("the meters with the panel closed", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("count with plain increments: no timer is scheduled and nothing is told", () => {
    vi.useFakeTimers();
    const socket = createSocketMeter();
    socket.opened();
    socket.sent(new Uint8Array(8));
    socket.received(new ArrayBuffer(8));
    const feed = createFeedMeter();
    feed.opened();
    feed.received("update", '{"update":""}', "1");
    const poll = createPollMeter();
    poll.requested();
    poll.answered(304, 0, null);

    expect(vi.getTimerCount()).toBe(0);
    expect([socket.read().traffic.messagesIn, feed.read().traffic.messagesIn, poll.read().traffic.messagesIn]).toEqual([1, 1, 1]);
  });
});

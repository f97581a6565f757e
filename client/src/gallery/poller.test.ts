import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Poller, type Visibility, createPoller } from "./poller";

const INTERVAL = 60_000;

/** A page whose visibility the test flips, standing in for `document`. */
function fakeVisibility(hidden = false): Visibility & { set(hidden: boolean): void; listeners: number } {
  const listeners = new Set<() => void>();
  return {
    isHidden: () => hidden,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    set(next) {
      hidden = next;
      for (const listener of listeners) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

/** A poll the test finishes by hand, to hold it in flight. */
function deferredPolls() {
  const pending: Array<() => void> = [];
  const poll = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        pending.push(resolve);
      }),
  );
  return {
    poll,
    async finishOne() {
      pending.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

const timers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
};

let poller: Poller | undefined;

function start(poll: () => Promise<void>, visibility: Visibility): Poller {
  poller = createPoller({ poll, intervalMs: INTERVAL, visibility, timers });
  poller.start();
  return poller;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  poller?.stop();
  poller = undefined;
  vi.useRealTimers();
});

describe("createPoller", () => {
  it("polls once at start and then once every interval", async () => {
    const poll = vi.fn(async () => {});
    start(poll, fakeVisibility());
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(poll).toHaveBeenCalledTimes(5);
  });

  it("counts the interval from the end of a slow poll, not its start", async () => {
    const { poll, finishOne } = deferredPolls();
    start(poll, fakeVisibility());
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(poll).toHaveBeenCalledTimes(1);
    await finishOne();
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it("does not poll while the page is hidden, however many intervals pass, and leaves no timer set", async () => {
    const poll = vi.fn(async () => {});
    const visibility = fakeVisibility();
    start(poll, visibility);
    await vi.advanceTimersByTimeAsync(10);
    visibility.set(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(INTERVAL * 20);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it("does not poll at start when the page starts hidden", async () => {
    const poll = vi.fn(async () => {});
    start(poll, fakeVisibility(true));
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(poll).not.toHaveBeenCalled();
  });

  it("polls at once when the page becomes visible again, then resumes the interval from there", async () => {
    const poll = vi.fn(async () => {});
    const visibility = fakeVisibility();
    start(poll, visibility);
    visibility.set(true);
    await vi.advanceTimersByTimeAsync(INTERVAL * 3 + 123);
    visibility.set(false);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("lets a poll in flight when the page is hidden finish without scheduling another", async () => {
    const { poll, finishOne } = deferredPolls();
    const visibility = fakeVisibility();
    start(poll, visibility);
    visibility.set(true);
    await finishOne();
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it("polls immediately on pollNow and restarts the interval from that poll", async () => {
    const poll = vi.fn(async () => {});
    start(poll, fakeVisibility());
    await vi.advanceTimersByTimeAsync(INTERVAL - 1000);
    poller?.pollNow();
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1001);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("cancels the pending interval on pollNow, so a slow poll is not followed by a stale extra one", async () => {
    const { poll, finishOne } = deferredPolls();
    start(poll, fakeVisibility());
    await finishOne();
    await vi.advanceTimersByTimeAsync(INTERVAL - 1000);
    poller?.pollNow();
    await vi.advanceTimersByTimeAsync(5000);
    await finishOne();
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("never has two polls in flight: pollNow during a poll runs one more right after it", async () => {
    const { poll, finishOne } = deferredPolls();
    const visibility = fakeVisibility();
    start(poll, visibility);
    poller?.pollNow();
    poller?.pollNow();
    visibility.set(true);
    visibility.set(false);
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(poll).toHaveBeenCalledTimes(1);
    await finishOne();
    // The change behind pollNow may have landed after the first poll was answered.
    expect(poll).toHaveBeenCalledTimes(2);
    await finishOne();
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it("keeps polling after a poll rejects or throws", async () => {
    let calls = 0;
    const poll = vi.fn(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error("offline"));
      if (calls === 2) throw new Error("bug");
      return Promise.resolve();
    });
    start(poll, fakeVisibility());
    await vi.advanceTimersByTimeAsync(INTERVAL);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("stops polling after stop, even when a poll was in flight", async () => {
    const { poll, finishOne } = deferredPolls();
    const visibility = fakeVisibility();
    start(poll, visibility);
    poller?.stop();
    await finishOne();
    visibility.set(true);
    visibility.set(false);
    poller?.pollNow();
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(visibility.listeners).toBe(0);
  });
});

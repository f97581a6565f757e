import { describe, expect, it } from "vitest";
import { type PageVisibility, releaseWhenHidden } from "./release-when-hidden";

/** A page whose visibility the test sets, and the timers it scheduled. */
function setup(initially: DocumentVisibilityState = "visible") {
  const listeners = new Set<() => void>();
  let state = initially;
  const page: PageVisibility = {
    get visibilityState() {
      return state;
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const calls: string[] = [];
  const stop = releaseWhenHidden({
    page,
    delayMs: 30_000,
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    release: () => calls.push("release"),
    restore: () => calls.push("restore"),
  });
  const become = (next: DocumentVisibilityState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const elapse = () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
  };
  return { become, elapse, timers, calls, stop, listeners };
}

describe("releaseWhenHidden", () => {
  it("releases once the page has been hidden for the delay, and restores when it is shown", () => {
    const { become, elapse, timers, calls } = setup();
    become("hidden");
    expect(timers.map((t) => t.ms)).toEqual([30_000]);
    expect(calls).toEqual([]);
    elapse();
    expect(calls).toEqual(["release"]);
    become("visible");
    expect(calls).toEqual(["release", "restore"]);
  });

  it("keeps everything when the page is shown again before the delay", () => {
    const { become, elapse, calls } = setup();
    become("hidden");
    become("visible");
    elapse();
    expect(calls).toEqual([]);
  });

  it("counts from the start for a page opened in a background tab", () => {
    const { elapse, calls, become } = setup("hidden");
    elapse();
    expect(calls).toEqual(["release"]);
    become("visible");
    expect(calls).toEqual(["release", "restore"]);
  });

  it("stops listening and drops its timer when stopped", () => {
    const { become, elapse, calls, stop, listeners } = setup();
    become("hidden");
    stop();
    elapse();
    expect(calls).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});

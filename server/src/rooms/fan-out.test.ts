import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FanOut, type FanOutStream } from "./fan-out.js";

class Recorder implements FanOutStream {
  readonly chunks: Buffer[] = [];
  buffered = 0;
  write(chunk: Buffer): void {
    this.chunks.push(chunk);
  }
  text(): string {
    return Buffer.concat(this.chunks).toString();
  }
}

const bytes = (text: string) => Buffer.from(text);

/** Runs one macrotask's worth of fan-out (one slice). */
const nextSlice = () => vi.advanceTimersToNextTimer();

describe("FanOut", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes a round in slices, so a big audience never holds the event loop for the whole round", () => {
    const slow: Recorder[] = [];
    const fanOut = new FanOut<Recorder>((s) => slow.push(s), { sliceSize: 100, maxBufferedBytes: 1 << 20 });
    const streams = Array.from({ length: 1000 }, () => new Recorder());
    for (const s of streams) fanOut.add(s);
    fanOut.enqueue(bytes("a"));
    expect(streams.filter((s) => s.chunks.length > 0)).toHaveLength(0);
    nextSlice();
    expect(streams.filter((s) => s.chunks.length > 0)).toHaveLength(100);
    vi.runAllTimers();
    expect(streams.every((s) => s.text() === "a")).toBe(true);
  });

  it("gives an entry that arrives mid-round to the streams not yet visited in that same round, in one write", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 2, maxBufferedBytes: 1 << 20 });
    const streams = Array.from({ length: 6 }, () => new Recorder());
    for (const s of streams) fanOut.add(s);
    fanOut.enqueue(bytes("a"));
    nextSlice(); // streams 0 and 1 have "a"
    fanOut.enqueue(bytes("b"));
    nextSlice(); // streams 2 and 3 get "a" and "b" together
    expect(streams[2]!.chunks.map(String)).toEqual(["ab"]);
    vi.runAllTimers(); // 4 and 5 likewise; then a second round brings "b" to 0 and 1
    expect(streams.map((s) => s.text())).toEqual(["ab", "ab", "ab", "ab", "ab", "ab"]);
    expect(streams[0]!.chunks.map(String)).toEqual(["a", "b"]);
    expect(streams[5]!.chunks).toHaveLength(1);
  });

  it("writes streams at the same place the same Buffer, concatenated once", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 10, maxBufferedBytes: 1 << 20 });
    const streams = Array.from({ length: 4 }, () => new Recorder());
    for (const s of streams) fanOut.add(s);
    fanOut.enqueue(bytes("a"));
    fanOut.enqueue(bytes("b"));
    vi.runAllTimers();
    for (const s of streams) expect(s.chunks[0]).toBe(streams[0]!.chunks[0]);
  });

  it("skips a superseded latest-wins entry for a stream that had not had it yet", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 1, maxBufferedBytes: 1 << 20 });
    const first = new Recorder();
    const second = new Recorder();
    fanOut.add(first);
    fanOut.add(second);
    fanOut.enqueue(bytes("[p1]"), "presence");
    fanOut.enqueue(bytes("[u1]"));
    nextSlice(); // first has p1 u1
    fanOut.enqueue(bytes("[p2]"), "presence");
    vi.runAllTimers();
    expect(first.text()).toBe("[p1][u1][p2]");
    // Updates are never skipped; the older presence is, for a stream that was behind it.
    expect(second.text()).toBe("[u1][p2]");
  });

  it("hands over a stream whose socket holds more than the bound instead of writing to it", () => {
    const slow: Recorder[] = [];
    const fanOut = new FanOut<Recorder>((s) => slow.push(s), { sliceSize: 10, maxBufferedBytes: 1000 });
    const stalled = new Recorder();
    const healthy = new Recorder();
    fanOut.add(stalled);
    fanOut.add(healthy);
    stalled.buffered = 5000;
    fanOut.enqueue(bytes("a"));
    vi.runAllTimers();
    expect(slow).toEqual([stalled]);
    expect(stalled.chunks).toHaveLength(0);
    expect(healthy.text()).toBe("a");
    expect(fanOut.size).toBe(1);
  });

  it("lets a stream drain the backlog it was added with (a snapshot), and hands it over once it stops reading", () => {
    const slow: Recorder[] = [];
    const fanOut = new FanOut<Recorder>((s) => slow.push(s), { sliceSize: 10, maxBufferedBytes: 100 });
    const viewer = new Recorder();
    viewer.buffered = 10_000; // a snapshot still on its way
    fanOut.add(viewer);
    fanOut.enqueue(bytes("a"));
    vi.runAllTimers();
    expect(slow).toEqual([]);
    viewer.buffered = 2_000; // draining
    fanOut.enqueue(bytes("b"));
    vi.runAllTimers();
    expect(viewer.text()).toBe("ab");
    // Stalled: the backlog grows past what it had left plus the bound.
    viewer.buffered = 2_101;
    fanOut.enqueue(bytes("c"));
    vi.runAllTimers();
    expect(slow).toEqual([viewer]);
    expect(viewer.text()).toBe("ab");
  });

  it("keeps an entry only until every stream has had it", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 3, maxBufferedBytes: 1 << 20 });
    for (let i = 0; i < 10; i++) fanOut.add(new Recorder());
    for (let i = 0; i < 50; i++) {
      fanOut.enqueue(bytes(String(i)));
      nextSlice();
    }
    vi.runAllTimers();
    expect(fanOut.queuedEntries).toBe(0);
  });

  it("gives a stream added later only what comes after it joined", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 10, maxBufferedBytes: 1 << 20 });
    const early = new Recorder();
    fanOut.add(early);
    fanOut.enqueue(bytes("a"));
    const late = new Recorder();
    fanOut.add(late);
    fanOut.enqueue(bytes("b"));
    vi.runAllTimers();
    expect(early.text()).toBe("ab");
    expect(late.text()).toBe("b");
  });

  it("flushNow writes every stream what it has not had, synchronously", () => {
    const fanOut = new FanOut<Recorder>(() => {}, { sliceSize: 1, maxBufferedBytes: 1 << 20 });
    const streams = [new Recorder(), new Recorder(), new Recorder()];
    for (const s of streams) fanOut.add(s);
    fanOut.enqueue(bytes("a"));
    nextSlice();
    fanOut.enqueue(bytes("b"));
    fanOut.flushNow();
    expect(streams.map((s) => s.text())).toEqual(["ab", "ab", "ab"]);
    vi.runAllTimers();
    expect(streams.map((s) => s.text())).toEqual(["ab", "ab", "ab"]);
  });
});

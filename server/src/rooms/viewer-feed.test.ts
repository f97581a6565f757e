import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { type PresenceEditor, SSE_EVENTS } from "@whiteboard/shared";
import { encodeSseEvent } from "../protocol/sse.js";
import { DEFAULT_VIEWER_FEED_OPTIONS, ViewerFeed, type ViewerFeedOptions, type ViewerStream } from "./viewer-feed.js";

interface ParsedEvent {
  id?: number;
  event?: string;
  data?: unknown;
}

class RecordingStream implements ViewerStream {
  readonly chunks: Buffer[] = [];
  ended = false;
  buffered = 0;
  write(chunk: Buffer): void {
    this.chunks.push(chunk);
  }
  end(): void {
    this.ended = true;
  }
  events(): ParsedEvent[] {
    return Buffer.concat(this.chunks)
      .toString()
      .split("\n\n")
      .filter((block) => block.includes("data: "))
      .map((block) => {
        const event: ParsedEvent = {};
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) event.id = Number(line.slice(4));
          if (line.startsWith("event: ")) event.event = line.slice(7);
          if (line.startsWith("data: ")) event.data = JSON.parse(line.slice(6));
        }
        return event;
      });
  }
}

/** Attaches a viewer and lets its snapshot (made asynchronously, where the doc is) arrive. */
async function attach(feed: ViewerFeed, stream: ViewerStream, lastEventId: string | undefined): Promise<void> {
  feed.attach(stream, lastEventId);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function makeFeed(options: Partial<ViewerFeedOptions> = {}) {
  const doc = new Y.Doc();
  let editors: PresenceEditor[] = [];
  const feed = new ViewerFeed(
    {
      snapshotEvent: async (id) => encodeSseEvent(id, SSE_EVENTS.snapshot, { update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64") }),
      editors: () => editors,
      onCountChange: () => {},
    },
    { ...DEFAULT_VIEWER_FEED_OPTIONS, ...options },
  );
  const change = (key: string) => {
    const before = Y.encodeStateVector(doc);
    doc.getMap("elements").set(key, key);
    feed.pushUpdate(Y.encodeStateAsUpdate(doc, before));
  };
  return { doc, feed, change, setEditors: (next: PresenceEditor[]) => (editors = next) };
}

const docFromEvents = (events: ParsedEvent[]) => {
  const doc = new Y.Doc();
  for (const e of events) {
    if (e.event === "snapshot" || e.event === "update") {
      Y.applyUpdate(doc, Buffer.from((e.data as { update: string }).update, "base64"));
    }
  }
  return doc;
};

describe("ViewerFeed", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the retry hint and a snapshot first", async () => {
    const { feed, change } = makeFeed();
    change("a");
    vi.advanceTimersByTime(100);
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    expect(viewer.chunks[0]!.toString()).toMatch(/^retry: \d+\n\n$/);
    const [first] = viewer.events();
    expect(first!.event).toBe("snapshot");
    expect(docFromEvents(viewer.events()).getMap("elements").toJSON()).toEqual({ a: "a" });
  });

  it("batches updates: at most one update event per 50 ms, carrying every change of the window", async () => {
    const { feed, change } = makeFeed();
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    for (let i = 0; i < 100; i++) {
      change(`k${i}`);
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(100);
    const updates = viewer.events().filter((e) => e.event === "update");
    // 500 ms of changes: one leading event plus at most one per 50 ms window.
    expect(updates.length).toBeGreaterThanOrEqual(5);
    expect(updates.length).toBeLessThanOrEqual(11);
    expect(Object.keys(docFromEvents(viewer.events()).getMap("elements").toJSON())).toHaveLength(100);
  });

  it("paces presence at most 20 per second and skips repeats", async () => {
    const { feed, setEditors } = makeFeed();
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    for (let i = 0; i < 200; i++) {
      setEditors([{ clientId: 1, name: "A", color: "#000", cursor: { x: i, y: 0 } }]);
      feed.presenceChanged();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(100);
    // The first presence is the newcomer's own, on attach; then 1 s of cursor moves.
    const presence = viewer.events().filter((e) => e.event === "presence").slice(1);
    expect(presence.length).toBeLessThanOrEqual(21);
    expect(presence.length).toBeGreaterThanOrEqual(15);
    expect(presence.at(-1)!.data).toEqual({
      editors: [{ clientId: 1, name: "A", color: "#000", cursor: { x: 199, y: 0 } }],
      viewers: 1,
    });
    feed.presenceChanged();
    vi.advanceTimersByTime(100);
    expect(viewer.events().filter((e) => e.event === "presence")).toHaveLength(presence.length + 1);
  });

  it("numbers events with strictly increasing ids", async () => {
    const { feed, change, setEditors } = makeFeed();
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    for (let i = 0; i < 20; i++) {
      change(`k${i}`);
      setEditors([{ clientId: 1, name: "A", color: "#000", cursor: { x: i, y: 0 } }]);
      feed.presenceChanged();
      vi.advanceTimersByTime(30);
    }
    const ids = viewer.events().map((e) => e.id!);
    expect(ids.length).toBeGreaterThan(10);
    for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!);
  });

  it("resumes from Last-Event-ID with only the missed updates, and no snapshot", async () => {
    const { feed, change, doc } = makeFeed();
    const first = new RecordingStream();
    await attach(feed, first, undefined);
    change("before");
    vi.advanceTimersByTime(100);
    const lastSeen = first.events().at(-1)!.id!;
    feed.detach(first);
    change("missed-1");
    vi.advanceTimersByTime(100);
    change("missed-2");
    vi.advanceTimersByTime(100);

    const resumed = new RecordingStream();
    await attach(feed, resumed, String(lastSeen));
    const events = resumed.events().filter((e) => e.event !== "presence");
    expect(events.map((e) => e.event)).toEqual(["update", "update"]);
    const replica = docFromEvents(first.events());
    for (const e of events) Y.applyUpdate(replica, Buffer.from((e.data as { update: string }).update, "base64"));
    expect(replica.getMap("elements").toJSON()).toEqual(doc.getMap("elements").toJSON());
  });

  it("bounds the resume log, and answers an id older than it with a snapshot", async () => {
    const { feed, change } = makeFeed({ logMaxEvents: 3 });
    const first = new RecordingStream();
    await attach(feed, first, undefined);
    change("old");
    vi.advanceTimersByTime(100);
    const oldId = first.events().at(-1)!.id!;
    for (let i = 0; i < 5; i++) {
      change(`k${i}`);
      vi.advanceTimersByTime(100);
    }
    const late = new RecordingStream();
    await attach(feed, late, String(oldId));
    expect(late.events()[0]!.event).toBe("snapshot");
    const fromBeforeRestart = new RecordingStream();
    await attach(feed, fromBeforeRestart, "12345");
    expect(fromBeforeRestart.events()[0]!.event).toBe("snapshot");
    const garbage = new RecordingStream();
    await attach(feed, garbage, "not-a-number");
    expect(garbage.events()[0]!.event).toBe("snapshot");
  });

  it("encodes each event once: every viewer is written the same bytes", async () => {
    const { feed, change } = makeFeed();
    const viewers = Array.from({ length: 5 }, () => new RecordingStream());
    for (const v of viewers) await attach(feed, v, undefined);
    vi.advanceTimersByTime(100);
    const before = viewers.map((v) => v.chunks.length);
    change("shared");
    vi.advanceTimersByTime(100);
    const written = viewers.map((v, i) => v.chunks.slice(before[i]));
    for (const chunks of written) expect(chunks).toHaveLength(1);
    for (const chunks of written) expect(chunks[0]).toBe(written[0]![0]);
    // A burst of newcomers shares one encoded snapshot too.
    const newcomers = [new RecordingStream(), new RecordingStream()];
    for (const v of newcomers) await attach(feed, v, undefined);
    expect(newcomers[0]!.chunks[1]).toBe(newcomers[1]!.chunks[1]);
  });

  it("ends the stream of a viewer that stops reading, instead of buffering for it", async () => {
    const { feed, change } = makeFeed({ maxBufferedBytes: 1000 });
    const slow = new RecordingStream();
    const fast = new RecordingStream();
    await attach(feed, slow, undefined);
    await attach(feed, fast, undefined);
    slow.buffered = 5000;
    change("x");
    vi.advanceTimersByTime(100);
    expect(slow.ended).toBe(true);
    expect(feed.count).toBe(1);
    expect(fast.events().some((e) => e.event === "update")).toBe(true);
  });

  it("announces a change of the viewer count alone at most once a second, and presence at once to a newcomer", async () => {
    const { feed } = makeFeed({ countIntervalMs: 1000 });
    const first = new RecordingStream();
    await attach(feed, first, undefined);
    vi.advanceTimersByTime(1100);
    const before = first.events().filter((e) => e.event === "presence").length;
    const joiners = Array.from({ length: 50 }, () => new RecordingStream());
    for (const joiner of joiners) {
      await attach(feed, joiner, undefined);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1100);
    const counts = first.events().filter((e) => e.event === "presence").slice(before).map((e) => (e.data as { viewers: number }).viewers);
    // 50 joins over half a second: at most two announcements, the last one right.
    expect(counts.length).toBeLessThanOrEqual(2);
    expect(counts.at(-1)).toBe(51);
    for (const joiner of joiners) expect(joiner.events().some((e) => e.event === "presence")).toBe(true);
  });

  it("sends a comment while idle, so proxies keep the stream open", async () => {
    const { feed } = makeFeed({ heartbeatMs: 15_000 });
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    vi.advanceTimersByTime(25_000);
    expect(Buffer.concat(viewer.chunks).toString()).toContain(": keep-alive\n\n");
  });

  it("tells viewers when the board is deleted, then ends their streams", async () => {
    const { feed } = makeFeed();
    const viewer = new RecordingStream();
    await attach(feed, viewer, undefined);
    feed.deleted();
    expect(viewer.events().at(-1)).toMatchObject({ event: "deleted", data: {} });
    expect(viewer.ended).toBe(true);
  });
});

import { type PresenceEventData, SSE_RETRY_MS } from "@whiteboard/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FakeEventSource } from "./fake-event-source";
import { type FeedProbe, type FeedStatus, connectFeed } from "./feed-client";

const URL = "/api/view/v1/events";

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** An editor's doc: what the server would send a viewer of it. */
function editorDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap("elements").set("a", "first");
  return doc;
}

function setup(answer: Awaited<ReturnType<FeedProbe>> = "exists") {
  const doc = new Y.Doc();
  const sources: FakeEventSource[] = [];
  const statuses: FeedStatus[] = [];
  const presences: PresenceEventData[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  let probes = 0;
  const feed = connectFeed({
    url: URL,
    doc,
    open: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    probe: async () => {
      probes++;
      return answer;
    },
    onStatus: (status) => statuses.push(status),
    onPresence: (presence) => presences.push(presence),
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const latest = () => sources.at(-1)!;
  const runTimers = () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
  };
  return { doc, feed, sources, latest, statuses, presences, timers, runTimers, probes: () => probes };
}

describe("connectFeed", () => {
  it("opens one stream on the feed's url and reports live once it opens", () => {
    const { sources, latest, statuses } = setup();
    expect(sources.map((s) => s.url)).toEqual([URL]);
    expect(statuses).toEqual([]);
    latest().open();
    expect(statuses).toEqual(["live"]);
  });

  it("builds the editors' doc from the snapshot and the updates that follow", () => {
    const { doc, latest } = setup();
    const editor = editorDoc();
    latest().open();
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editor)) });
    const before = Y.encodeStateVector(editor);
    editor.getMap("elements").set("b", "second");
    latest().emit("update", { update: base64(Y.encodeStateAsUpdate(editor, before)) });
    expect(doc.getMap("elements").toJSON()).toEqual({ a: "first", b: "second" });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(editor));
  });

  it("says reconnecting while the browser retries, and merges the snapshot it gets back without duplicating anything", () => {
    const { doc, latest, sources, statuses } = setup();
    const editor = editorDoc();
    latest().open();
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editor)) });
    latest().fail(true);
    expect(statuses).toEqual(["live", "reconnecting"]);

    editor.getMap("elements").set("b", "while away");
    latest().open();
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editor)) });
    expect(statuses).toEqual(["live", "reconnecting", "live"]);
    expect(sources).toHaveLength(1);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(editor));
  });

  it("hands on presence with the editors' cursors and the viewer count, and skips what does not fit", () => {
    const { latest, presences } = setup();
    latest().open();
    latest().emit("presence", {
      editors: [
        { clientId: 7, name: "Ada", color: "#e5484d", cursor: { x: 10, y: 20 } },
        { clientId: "eight", name: "Odd", color: "#000", cursor: null },
        { clientId: 9, name: "Bo", color: "#0090ff", cursor: "nowhere" },
      ],
      viewers: 3,
    });
    latest().emit("presence", "{not json");
    latest().emit("presence", { editors: [], viewers: -1 });
    expect(presences).toEqual([
      {
        editors: [
          { clientId: 7, name: "Ada", color: "#e5484d", cursor: { x: 10, y: 20 } },
          { clientId: 9, name: "Bo", color: "#0090ff", cursor: null },
        ],
        viewers: 3,
      },
    ]);
  });

  it("closes the stream for good when the board is deleted, so it does not reconnect", () => {
    const { latest, sources, statuses, timers } = setup();
    latest().open();
    latest().emit("deleted", {});
    expect(statuses).toEqual(["live", "deleted"]);
    expect(latest().closed).toBe(true);
    latest().fail(false);
    expect(sources).toHaveLength(1);
    expect(timers).toHaveLength(0);
  });

  it("opens a new stream after a backoff when the browser gives up on one and the board still exists", async () => {
    const { latest, sources, statuses, timers, runTimers, probes } = setup("exists");
    latest().open();
    latest().fail(false);
    expect(statuses).toEqual(["live", "reconnecting"]);
    await expect.poll(() => timers.length).toBe(1);
    expect(probes()).toBe(1);
    expect(timers[0]!.ms).toBe(SSE_RETRY_MS);
    runTimers();
    expect(sources).toHaveLength(2);

    // Each failure in a row waits longer.
    latest().fail(false);
    await expect.poll(() => timers.length).toBe(1);
    expect(timers[0]!.ms).toBe(SSE_RETRY_MS * 2);
    runTimers();
    latest().open();
    expect(statuses.at(-1)).toBe("live");
  });

  it("reports the board deleted, and opens nothing more, when it is gone once the browser gave up", async () => {
    const { latest, sources, statuses, timers } = setup("gone");
    latest().open();
    latest().fail(false);
    await expect.poll(() => statuses).toEqual(["live", "reconnecting", "deleted"]);
    expect(sources).toHaveLength(1);
    expect(timers).toHaveLength(0);
  });

  it("reports the board damaged, and opens nothing more, when the browser gave up on the feed's 503", async () => {
    const { latest, sources, statuses, timers, probes } = setup("damaged");
    // The 503 comes on the first request: the stream never opened.
    latest().fail(false);
    await expect.poll(() => statuses).toEqual(["reconnecting", "damaged"]);
    expect(probes()).toBe(1);
    expect(sources).toHaveLength(1);
    expect(timers).toHaveLength(0);
  });

  it("asks nothing while the browser retries by itself, so a dropped connection is never taken for damage", () => {
    const { latest, statuses, probes } = setup("damaged");
    latest().open();
    latest().fail(true);
    expect(statuses).toEqual(["live", "reconnecting"]);
    expect(probes()).toBe(0);
  });

  it("starts a fresh stream, which begins with a snapshot, after an update it cannot read", () => {
    const { doc, latest, sources, timers, runTimers } = setup();
    latest().open();
    latest().emit("update", { update: "%%% not base64 %%%" });
    expect(sources[0]!.closed).toBe(true);
    expect(timers).toHaveLength(1);
    runTimers();
    expect(sources).toHaveLength(2);
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editorDoc())) });
    expect(doc.getMap("elements").toJSON()).toEqual({ a: "first" });
  });

  it("closes the stream on close, and ignores an event that was already on its way", () => {
    const { doc, feed, latest, statuses } = setup();
    latest().open();
    feed.close();
    expect(latest().closed).toBe(true);
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editorDoc())) });
    expect(doc.getMap("elements").size).toBe(0);
    expect(statuses).toEqual(["live"]);
  });

  it("drops a pending reopen on close", async () => {
    const { feed, latest, sources, timers } = setup();
    latest().open();
    latest().fail(false);
    await expect.poll(() => timers.length).toBe(1);
    feed.close();
    expect(timers[0]!.cancelled).toBe(true);
    expect(sources).toHaveLength(1);
  });

  it("lets go of its stream when paused, and resumes after the last event it applied when resumed", () => {
    const { doc, feed, latest, sources, statuses } = setup();
    const editor = editorDoc();
    latest().open();
    latest().emit("snapshot", { update: base64(Y.encodeStateAsUpdate(editor)) }, "41");
    const before = Y.encodeStateVector(editor);
    editor.getMap("elements").set("b", "second");
    latest().emit("update", { update: base64(Y.encodeStateAsUpdate(editor, before)) }, "42");
    latest().emit("presence", { editors: [], viewers: 1 }, "43");

    feed.pause();
    expect(latest().closed).toBe(true);
    expect(statuses.at(-1)).toBe("paused");
    // Pausing twice, or resuming what is not paused, changes nothing.
    feed.pause();
    expect(sources).toHaveLength(1);

    feed.resume();
    expect(sources).toHaveLength(2);
    // Presence events carry ids too, but only doc events say how far the doc is.
    expect(latest().url).toBe(`${URL}?lastEventId=42`);
    expect(statuses.at(-1)).toBe("connecting");
    latest().open();
    expect(statuses.at(-1)).toBe("live");
    // The doc was kept across the pause.
    expect(doc.getMap("elements").toJSON()).toEqual({ a: "first", b: "second" });
    feed.resume();
    expect(sources).toHaveLength(2);
  });

  it("opens nothing while paused, even when a reopen was due", async () => {
    const { feed, latest, sources, timers, runTimers } = setup("exists");
    latest().open();
    latest().fail(false);
    await expect.poll(() => timers.length).toBe(1);
    feed.pause();
    runTimers();
    expect(sources).toHaveLength(1);
    feed.resume();
    expect(sources).toHaveLength(2);
  });
});

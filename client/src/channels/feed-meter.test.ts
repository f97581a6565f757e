import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connectFeed } from "../viewer/feed-client";
import { FakeEventSource } from "../viewer/fake-event-source";
import { createFeedMeter, meteredFeedSource } from "./feed-meter";

/** An event's bytes on the wire, written the way the server's SSE encoder writes it. */
const wireBytes = (id: string, type: string, data: string) => new TextEncoder().encode(`id: ${id}\nevent: ${type}\ndata: ${data}\n\n`).byteLength;

describe("the SSE meter", () => {
  it("counts each event with the bytes of its text on the wire, and keeps the last event id", () => {
    const meter = createFeedMeter();
    const source = meteredFeedSource(new FakeEventSource("/api/view/v/events"), meter);
    source.open();
    const presence = { editors: [{ clientId: 1, name: "Zoë", color: "#e5484d", cursor: null }], viewers: 2 };
    source.emit("presence", presence, "41");
    source.emit("update", { update: "AAEC" }, "42");

    expect(meter.read()).toEqual({
      channel: "sse",
      traffic: {
        messagesIn: 2,
        messagesOut: 0,
        bytesIn: wireBytes("41", "presence", JSON.stringify(presence)) + wireBytes("42", "update", '{"update":"AAEC"}'),
        bytesOut: 0,
      },
      reconnects: 0,
      lastEventId: "42",
    });
  });

  it("counts every open after the first as a reconnect, whichever source it came from", () => {
    const meter = createFeedMeter();
    const first = meteredFeedSource(new FakeEventSource("/e"), meter);
    first.open();
    // The browser's own reconnect fires `open` on the same source again...
    first.fail(true);
    first.open();
    // ...and a source the page opened itself after a pause counts too.
    meteredFeedSource(new FakeEventSource("/e?lastEventId=3"), meter).open();
    expect(meter.read().reconnects).toBe(2);
  });

  it("counts what the feed client receives through its `open`, one event once", () => {
    const meter = createFeedMeter();
    const sources: FakeEventSource[] = [];
    const doc = new Y.Doc();
    const client = connectFeed({
      url: "/api/view/v/events",
      doc,
      open: (url) => {
        const source = meteredFeedSource(new FakeEventSource(url), meter);
        sources.push(source);
        return source;
      },
      probe: async () => "exists",
      onStatus: () => undefined,
      onPresence: () => undefined,
      schedule: () => () => undefined,
    });
    const update = btoa(String.fromCharCode(...Y.encodeStateAsUpdate(new Y.Doc())));
    sources[0]!.open();
    sources[0]!.emit("snapshot", { update }, "7");
    sources[0]!.emit("update", { update }, "8");

    expect(meter.read()).toMatchObject({ traffic: { messagesIn: 2 }, lastEventId: "8" });
    client.close();
    doc.destroy();
  });
});

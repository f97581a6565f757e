import { SSE_EVENTS } from "@whiteboard/shared";
import type { FeedSource } from "../viewer/feed-client";
import type { ChannelMeter } from "./channel-reading";
import { createTrafficCounter } from "./traffic";
import { utf8Length } from "./utf8-length";

/** The viewer's event stream, across every `EventSource` the feed opens (reconnects, resumes). */
export interface FeedMeter extends ChannelMeter<"sse"> {
  received(type: string, data: string, id: string): void;
  opened(): void;
}

/**
 * What is counted of an event: its text as our server writes it,
 * `id: <id>\nevent: <type>\ndata: <data>\n\n` (one `data:` line, since the data is JSON, and an
 * id on every event), as UTF-8: the type, `data` and `lastEventId` the page was handed, plus the
 * field names around them. Heartbeat comments and the `retry:` hint never reach the page and are
 * not counted. Nothing flows out on this channel.
 */
const DATA_FIELD_BYTES = "data: \n\n".length;
const EVENT_FIELD_BYTES = "event: \n".length;
const ID_FIELD_BYTES = "id: \n".length;

/** A "message" event is one sent with no `event:` field. */
function eventBytes(type: string, data: string, id: string): number {
  return (
    DATA_FIELD_BYTES +
    utf8Length(data) +
    (type === "message" ? 0 : EVENT_FIELD_BYTES + utf8Length(type)) +
    (id === "" ? 0 : ID_FIELD_BYTES + utf8Length(id))
  );
}

export function createFeedMeter(): FeedMeter {
  const traffic = createTrafficCounter();
  let opens = 0;
  let lastEventId: string | null = null;
  return {
    received(type, data, id) {
      traffic.received(eventBytes(type, data, id));
      if (id !== "") lastEventId = id;
    },
    opened: () => {
      opens += 1;
    },
    // The first open is the stream; every later one a reconnect, the browser's own or the page's.
    read: () => ({ channel: "sse", traffic: traffic.read(), reconnects: Math.max(0, opens - 1), lastEventId }),
  };
}

/** Every event type our server sends, and "message" for one sent without a name. */
const EVENT_TYPES = [...Object.values(SSE_EVENTS), "message"];

/** `source`, with `meter` told of its opens and of each event, whether or not the feed uses it. */
export function meteredFeedSource<Source extends FeedSource>(source: Source, meter: FeedMeter): Source {
  source.addEventListener("open", () => meter.opened());
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (event) => {
      if (event instanceof MessageEvent) meter.received(type, typeof event.data === "string" ? event.data : "", event.lastEventId);
    });
  }
  return source;
}

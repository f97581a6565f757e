import { onTestFinished } from "vitest";
import { EventSource } from "eventsource";
import * as Y from "yjs";
import type { PresenceEventData } from "@whiteboard/shared";

export interface ReceivedEvent {
  type: string;
  id: string;
  data: unknown;
}

/**
 * A real `EventSource` (the `eventsource` package) applying `snapshot` and `update` events to its
 * own Y.Doc, as the viewer page does. Closed when the test ends.
 */
export function watch(url: string, options: { lastEventId?: string; fetch?: typeof fetch } = {}) {
  const doc = new Y.Doc();
  const events: ReceivedEvent[] = [];
  const transport = options.fetch ?? fetch;
  const source = new EventSource(url, {
    fetch: (input, init) =>
      transport(input, {
        ...init,
        headers: { ...init?.headers, ...(options.lastEventId ? { "Last-Event-ID": options.lastEventId } : {}) },
      }),
  });
  for (const type of ["snapshot", "update", "presence", "deleted"]) {
    source.addEventListener(type, (event: { data: string; lastEventId: string }) => {
      const data: unknown = JSON.parse(event.data);
      events.push({ type, id: event.lastEventId, data });
      if (type === "snapshot" || type === "update") {
        Y.applyUpdate(doc, Buffer.from((data as { update: string }).update, "base64"));
      }
    });
  }
  onTestFinished(() => {
    source.close();
    doc.destroy();
  });
  return {
    source,
    doc,
    events,
    lastId: () => events.at(-1)?.id,
    kinds: () => events.map((e) => e.type),
    presence: () => events.filter((e) => e.type === "presence").at(-1)?.data as PresenceEventData | undefined,
  };
}

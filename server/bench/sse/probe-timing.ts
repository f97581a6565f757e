/**
 * What a probe viewer learns from each event: for `update`, the strokes it adds (their ids carry
 * the send time); for `presence`, each editor's cursor (its x carries the send time). Only what
 * was sent inside the window is timed; a cursor position is timed the first time it is seen,
 * since presence resends every editor's latest position whenever any of them moves.
 */
import type { DocEventData, PresenceEventData } from "@whiteboard/shared";
import { SSE_EVENTS } from "@whiteboard/shared";
import * as Y from "yjs";
import { sentAtOfCursor } from "./cursor-time.js";
import { sentAtOfKey } from "./element-key.js";
import type { EventTally } from "./messages.js";
import type { SseEvent } from "./sse-parser.js";

/** The document's root map, where every element is an entry (SPEC's document model). */
const ELEMENTS = "elements";

export interface Window {
  start: number;
  end: number;
}

export class ProbeTiming {
  readonly updateLatencies: number[] = [];
  readonly presenceLatencies: number[] = [];
  strokesInWindow = 0;
  events = 0;
  undecodable = 0;
  /** Received in the window, by event name: what the fan-out is made of. */
  readonly tally: Record<string, EventTally> = {};
  private readonly lastCursorX = new Map<number, number>();

  constructor(private readonly window: () => Window) {}

  receive(event: SseEvent, receivedAt: number): void {
    this.events++;
    const { start, end } = this.window();
    if (receivedAt >= start && receivedAt < end) {
      const tally = (this.tally[event.event] ??= { events: 0, bytes: 0 });
      tally.events++;
      tally.bytes += event.data.length;
    }
    try {
      switch (event.event) {
        case SSE_EVENTS.snapshot:
          // The board as it was when the probe joined, before the window: nothing to time.
          return;
        case SSE_EVENTS.update:
          return this.update((JSON.parse(event.data) as DocEventData).update, receivedAt);
        case SSE_EVENTS.presence:
          return this.presence(JSON.parse(event.data) as PresenceEventData, receivedAt);
        default:
          return;
      }
    } catch {
      this.undecodable++;
    }
  }

  private update(base64: string, receivedAt: number): void {
    const { structs } = Y.decodeUpdate(Buffer.from(base64, "base64"));
    const { start, end } = this.window();
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.parentSub === null) continue;
      // A new element is an entry of the root map. Decoded, not integrated, an item names a root
      // parent by its string (Yjs's typings only know integrated items' parents).
      const parent: unknown = struct.parent;
      if (parent !== ELEMENTS) continue;
      const sentAt = sentAtOfKey(struct.parentSub);
      if (sentAt === undefined || sentAt < start || sentAt >= end) continue;
      this.updateLatencies.push(receivedAt - sentAt);
      this.strokesInWindow++;
    }
  }

  private presence(data: PresenceEventData, receivedAt: number): void {
    const { start, end } = this.window();
    for (const editor of data.editors) {
      if (editor.cursor === null || this.lastCursorX.get(editor.clientId) === editor.cursor.x) continue;
      this.lastCursorX.set(editor.clientId, editor.cursor.x);
      const sentAt = sentAtOfCursor(editor.cursor.x, receivedAt);
      if (sentAt >= start && sentAt < end) this.presenceLatencies.push(receivedAt - sentAt);
    }
  }
}

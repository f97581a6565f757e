import * as Y from "yjs";
import {
  type PresenceEditor,
  type PresenceEventData,
  SSE_EVENTS,
  SSE_HEARTBEAT_MS,
  SSE_PRESENCE_INTERVAL_MS,
  SSE_RETRY_MS,
  SSE_UPDATE_BATCH_MS,
} from "@whiteboard/shared";
import { encodeSseComment, encodeSseEvent, encodeSseRetry } from "../protocol/sse.js";
import { FanOut, type FanOutStream } from "./fan-out.js";
import { Throttle } from "./throttle.js";

/** One viewer's stream, as the feed sees it: bytes in, how many are still queued, and an end. */
export interface ViewerStream extends FanOutStream {
  end(): void;
}

export interface ViewerFeedOptions {
  updateBatchMs: number;
  presenceIntervalMs: number;
  /**
   * A change of the viewer count alone is sent at most this often: it matters to nobody within
   * a second, and while thousands join, a presence event to everyone per join would swamp the
   * feed.
   */
  countIntervalMs: number;
  heartbeatMs: number;
  /** The resume log: recent `update` events kept for reconnecting viewers. */
  logMaxEvents: number;
  logMaxBytes: number;
  /**
   * A viewer with more than this queued is not keeping up: its stream is ended, and its
   * `EventSource` reconnects and resumes from its last id (or gets a snapshot). The server never
   * holds more than this per viewer.
   */
  maxBufferedBytes: number;
  /** Viewers written per macrotask (see FanOut). */
  sliceSize: number;
}

export const DEFAULT_VIEWER_FEED_OPTIONS: ViewerFeedOptions = {
  updateBatchMs: SSE_UPDATE_BATCH_MS,
  presenceIntervalMs: SSE_PRESENCE_INTERVAL_MS,
  countIntervalMs: 1000,
  heartbeatMs: SSE_HEARTBEAT_MS,
  logMaxEvents: 1000,
  logMaxBytes: 8 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
  sliceSize: 256,
};

export interface ViewerFeedSource {
  /**
   * The whole document as a `snapshot` event with this id, encoded wherever the doc is held
   * (a large board's in its own thread). It covers every update pushed before the call.
   */
  snapshotEvent(id: number): Promise<Buffer>;
  /** Who is editing now. */
  editors(): PresenceEditor[];
  /** A viewer came or went. */
  onCountChange(): void;
}

interface LoggedEvent {
  id: number;
  bytes: Buffer;
}

const RETRY = encodeSseRetry(SSE_RETRY_MS);
const HEARTBEAT = encodeSseComment("keep-alive");

/**
 * The viewers of one board: batches updates, paces presence, numbers events, keeps the resume
 * log, and hands each event, encoded once, to the fan-out that writes it to every viewer.
 *
 * Event ids start at the load time in microseconds and count up, so they keep increasing for a
 * board across room reloads and server restarts; an id older than the log (or from an earlier
 * load) is answered with a snapshot.
 */
export class ViewerFeed {
  private readonly viewers: FanOut<ViewerStream>;
  private lastId = Date.now() * 1000;
  /** Ids above this are all in the log (or were presence events, which are not replayed). */
  private logFloor = this.lastId;
  private readonly log: LoggedEvent[] = [];
  private logBytes = 0;
  private pending: Uint8Array[] = [];
  /** One tick sends what is due, update and presence together, as one write per viewer. */
  private readonly tick: Throttle;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastPresence = "";
  private editorsChanged = false;
  private countChanged = false;
  private lastCountSentAt = -Infinity;
  private countTimer: NodeJS.Timeout | undefined;
  /** The viewer count as last broadcast; cursor-only presence repeats it. */
  private announcedCount = 0;
  /** Changes with every pushed update: the cached snapshot is valid while it does not. */
  private docVersion = 0;
  private snapshotCache: { docVersion: number; event: Promise<Buffer> } | undefined;
  /** Viewers waiting for their snapshot: not yet in the fan-out, but counted and ended with it. */
  private readonly joining = new Set<ViewerStream>();

  constructor(
    private readonly source: ViewerFeedSource,
    private readonly options: ViewerFeedOptions = DEFAULT_VIEWER_FEED_OPTIONS,
  ) {
    this.viewers = new FanOut(
      (slow) => {
        this.viewerLeft();
        slow.end();
      },
      { sliceSize: options.sliceSize, maxBufferedBytes: options.maxBufferedBytes },
    );
    this.tick = new Throttle(Math.min(options.updateBatchMs, options.presenceIntervalMs), () => this.sendDue());
  }

  get count(): number {
    return this.viewers.size + this.joining.size;
  }

  /**
   * A new viewer: the retry hint, what it missed (or a snapshot), and presence as it is now.
   * While its snapshot is made, the viewer waits outside the fan-out: the snapshot covers every
   * update sent meanwhile, so it starts with the next.
   */
  attach(stream: ViewerStream, lastEventId: string | undefined): void {
    stream.write(RETRY);
    const missed = this.missedSince(lastEventId);
    if (missed) {
      for (const event of missed) stream.write(event.bytes);
      this.join(stream);
      return;
    }
    this.joining.add(stream);
    this.heartbeatOn();
    this.viewerCountChanged();
    this.snapshotEvent().then(
      (snapshot) => {
        if (!this.joining.delete(stream)) return;
        stream.write(snapshot);
        this.join(stream);
      },
      () => {
        // The doc's thread failed: the room is closing; the viewer reconnects to a fresh load.
        if (this.joining.delete(stream)) this.viewerLeft();
        stream.end();
      },
    );
  }

  private join(stream: ViewerStream): void {
    const wasJoining = this.joining.delete(stream);
    this.viewers.add(stream);
    stream.write(encodeSseEvent(++this.lastId, SSE_EVENTS.presence, this.presenceData()));
    this.heartbeatOn();
    if (!wasJoining) this.viewerCountChanged();
  }

  private heartbeatOn(): void {
    this.heartbeat ??= setInterval(() => this.viewers.enqueue(HEARTBEAT, "heartbeat"), this.options.heartbeatMs);
  }

  detach(stream: ViewerStream): void {
    if (this.joining.delete(stream) || this.viewers.remove(stream)) this.viewerLeft();
  }

  /** An update the editors have (stored and forwarded): goes out in the next batch. */
  pushUpdate(update: Uint8Array): void {
    this.pending.push(update);
    this.docVersion += 1;
    this.tick.request();
  }

  /** Editors' awareness changed (cursors, names, who is here). */
  presenceChanged(): void {
    this.editorsChanged = true;
    this.tick.request();
  }

  /** The board is gone: say so, then end every stream. */
  deleted(): void {
    this.flushPending();
    this.viewers.enqueue(encodeSseEvent(++this.lastId, SSE_EVENTS.deleted, {}));
    this.viewers.flushNow();
    this.close();
  }

  /** Ends every stream without a word (server stopping): viewers reconnect and resume. */
  close(): void {
    this.tick.cancel();
    this.viewers.cancel();
    clearTimeout(this.countTimer);
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const streams = [...this.viewers, ...this.joining];
    this.joining.clear();
    for (const stream of streams) this.viewers.remove(stream);
    for (const stream of streams) stream.end();
  }

  /** Writes a pending batch, and whatever viewers have not had yet, at once (unload). */
  flushPending(): void {
    const update = this.updateEvent();
    if (update) this.viewers.enqueue(update);
    this.viewers.flushNow();
  }

  private viewerLeft(): void {
    if (this.count === 0) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    this.viewerCountChanged();
  }

  private viewerCountChanged(): void {
    this.countChanged = true;
    this.source.onCountChange();
    this.tick.request();
  }

  private missedSince(lastEventId: string | undefined): LoggedEvent[] | undefined {
    if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return undefined;
    const last = Number(lastEventId);
    if (last < this.logFloor || last > this.lastId) return undefined;
    return this.log.filter((event) => event.id > last);
  }

  private snapshotEvent(): Promise<Buffer> {
    // Made once per document version, however many viewers connect meanwhile.
    if (this.snapshotCache?.docVersion !== this.docVersion) {
      const event = this.source.snapshotEvent(this.lastId);
      this.snapshotCache = { docVersion: this.docVersion, event };
      // A failed snapshot is not kept: the next viewer asks again.
      event.catch(() => {
        if (this.snapshotCache?.event === event) this.snapshotCache = undefined;
      });
    }
    return this.snapshotCache.event;
  }

  /** What is due this tick; the fan-out writes each viewer everything new as one write. */
  private sendDue(): void {
    const update = this.updateEvent();
    if (update) this.viewers.enqueue(update);
    const presence = this.presenceEvent();
    if (presence) this.viewers.enqueue(presence, "presence");
  }

  /** The pending batch as one `update` event, logged for resumes; undefined when none. */
  private updateEvent(): Buffer | undefined {
    if (this.pending.length === 0) return undefined;
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    const id = ++this.lastId;
    const bytes = encodeSseEvent(id, SSE_EVENTS.update, { update: Buffer.from(merged).toString("base64") });
    this.log.push({ id, bytes });
    this.logBytes += bytes.length;
    while (this.log.length > this.options.logMaxEvents || this.logBytes > this.options.logMaxBytes) {
      const dropped = this.log.shift()!;
      this.logBytes -= dropped.bytes.length;
      this.logFloor = dropped.id;
    }
    return bytes;
  }

  /** A `presence` event when editors changed, or the count and its interval has passed. */
  private presenceEvent(): Buffer | undefined {
    const now = performance.now();
    const countDue = this.countChanged && now - this.lastCountSentAt >= this.options.countIntervalMs;
    if (this.countChanged && !countDue && this.countTimer === undefined) {
      this.countTimer = setTimeout(() => {
        this.countTimer = undefined;
        this.tick.request();
      }, this.options.countIntervalMs - (now - this.lastCountSentAt));
    }
    if (!this.editorsChanged && !countDue) return undefined;
    this.editorsChanged = false;
    const data = this.presenceData();
    if (countDue) {
      this.countChanged = false;
      this.lastCountSentAt = now;
    } else {
      // The count may have moved without being due: send the one last announced.
      data.viewers = this.announcedCount;
    }
    this.announcedCount = data.viewers;
    const json = JSON.stringify(data);
    if (json === this.lastPresence || this.viewers.size === 0) return undefined;
    this.lastPresence = json;
    return encodeSseEvent(++this.lastId, SSE_EVENTS.presence, data);
  }

  private presenceData(): PresenceEventData {
    return { editors: this.source.editors(), viewers: this.count };
  }
}

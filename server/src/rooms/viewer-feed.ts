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
import { Throttle } from "./throttle.js";

/** One viewer's stream, as the feed sees it: bytes in, and how many are still queued. */
export interface ViewerStream {
  write(chunk: Buffer): void;
  /** Bytes written but not yet taken by the network. */
  readonly buffered: number;
  end(): void;
}

export interface ViewerFeedOptions {
  updateBatchMs: number;
  presenceIntervalMs: number;
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
}

export const DEFAULT_VIEWER_FEED_OPTIONS: ViewerFeedOptions = {
  updateBatchMs: SSE_UPDATE_BATCH_MS,
  presenceIntervalMs: SSE_PRESENCE_INTERVAL_MS,
  heartbeatMs: SSE_HEARTBEAT_MS,
  logMaxEvents: 1000,
  logMaxBytes: 8 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
};

export interface ViewerFeedSource {
  /** The whole document, for a `snapshot`. */
  snapshot(): Uint8Array;
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
 * log, and writes each event's bytes once for all viewers.
 *
 * Event ids start at the load time in microseconds and count up, so they keep increasing for a
 * board across room reloads and server restarts; an id older than the log (or from an earlier
 * load) is answered with a snapshot.
 */
export class ViewerFeed {
  private readonly viewers = new Set<ViewerStream>();
  private lastId = Date.now() * 1000;
  /** Ids above this are all in the log (or were presence events, which are not replayed). */
  private logFloor = this.lastId;
  private readonly log: LoggedEvent[] = [];
  private logBytes = 0;
  private pending: Uint8Array[] = [];
  private readonly updates: Throttle;
  private readonly presence: Throttle;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastPresence = "";
  /** Changes with every pushed update: the cached snapshot is valid while it does not. */
  private docVersion = 0;
  private snapshotCache: { docVersion: number; id: number; bytes: Buffer } | undefined;

  constructor(
    private readonly source: ViewerFeedSource,
    private readonly options: ViewerFeedOptions = DEFAULT_VIEWER_FEED_OPTIONS,
  ) {
    this.updates = new Throttle(options.updateBatchMs, () => this.emitUpdates());
    this.presence = new Throttle(options.presenceIntervalMs, () => this.emitPresence());
  }

  get count(): number {
    return this.viewers.size;
  }

  /** A new viewer: the retry hint, then what it missed (or a snapshot), then presence shortly. */
  attach(stream: ViewerStream, lastEventId: string | undefined): void {
    stream.write(RETRY);
    const missed = this.missedSince(lastEventId);
    if (missed) for (const event of missed) stream.write(event.bytes);
    else stream.write(this.snapshotEvent());
    this.viewers.add(stream);
    this.heartbeat ??= setInterval(() => this.broadcast(HEARTBEAT), this.options.heartbeatMs);
    // The newcomer needs presence even when nothing else changed.
    this.lastPresence = "";
    this.presence.request();
    this.source.onCountChange();
  }

  detach(stream: ViewerStream): void {
    if (!this.viewers.delete(stream)) return;
    if (this.viewers.size === 0) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    this.presence.request();
    this.source.onCountChange();
  }

  /** An update the editors have (stored and forwarded): goes out in the next batch. */
  pushUpdate(update: Uint8Array): void {
    this.pending.push(update);
    this.docVersion += 1;
    this.updates.request();
  }

  presenceChanged(): void {
    this.presence.request();
  }

  /** The board is gone: say so, then end every stream. */
  deleted(): void {
    this.broadcast(encodeSseEvent(++this.lastId, SSE_EVENTS.deleted, {}));
    this.close();
  }

  /** Ends every stream without a word (server stopping): viewers reconnect and resume. */
  close(): void {
    this.updates.cancel();
    this.presence.cancel();
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const streams = [...this.viewers];
    this.viewers.clear();
    for (const stream of streams) stream.end();
  }

  /** Flushes a pending batch at once (unload). */
  flushPending(): void {
    if (this.pending.length > 0) this.emitUpdates();
  }

  private missedSince(lastEventId: string | undefined): LoggedEvent[] | undefined {
    if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return undefined;
    const last = Number(lastEventId);
    if (last < this.logFloor || last > this.lastId) return undefined;
    return this.log.filter((event) => event.id > last);
  }

  private snapshotEvent(): Buffer {
    // Encoded once per document version, however many viewers connect meanwhile.
    if (this.snapshotCache?.docVersion !== this.docVersion) {
      const update = Buffer.from(this.source.snapshot()).toString("base64");
      const id = this.lastId;
      this.snapshotCache = { docVersion: this.docVersion, id, bytes: encodeSseEvent(id, SSE_EVENTS.snapshot, { update }) };
    }
    return this.snapshotCache.bytes;
  }

  private emitUpdates(): void {
    if (this.pending.length === 0) return;
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
    this.broadcast(bytes);
  }

  private emitPresence(): void {
    const data: PresenceEventData = { editors: this.source.editors(), viewers: this.viewers.size };
    const json = JSON.stringify(data);
    if (json === this.lastPresence || this.viewers.size === 0) return;
    this.lastPresence = json;
    this.broadcast(encodeSseEvent(++this.lastId, SSE_EVENTS.presence, data));
  }

  private broadcast(bytes: Buffer): void {
    for (const stream of this.viewers) {
      if (stream.buffered > this.options.maxBufferedBytes) {
        this.detach(stream);
        stream.end();
        continue;
      }
      stream.write(bytes);
    }
  }
}

import { type PresenceEventData, SSE_EVENTS, SSE_RETRY_MS } from "@whiteboard/shared";
import * as Y from "yjs";
import { readDocUpdate, readPresence } from "./feed-events";

/**
 * What the viewer tells its user about the feed. "deleted" and "damaged" (the board's stored data
 * is damaged, and the server keeps it aside) are final: nothing reopens after them.
 */
export type FeedStatus = "connecting" | "live" | "reconnecting" | "paused" | "deleted" | "damaged";

/** The part of `EventSource` the feed uses; tests pass a fake. */
export interface FeedSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** Opens a stream on `url`: `(url) => new EventSource(url)` in the page. */
export type OpenFeedSource = (url: string) => FeedSource;

/**
 * Why the browser gave up on the stream, asked only then: the board is gone, its stored data is
 * damaged, or neither (or the server could not be asked), and a new stream is worth a try.
 */
export type FeedProbe = () => Promise<"exists" | "gone" | "damaged" | "unknown">;

export interface FeedClientOptions {
  url: string;
  doc: Y.Doc;
  open: OpenFeedSource;
  probe: FeedProbe;
  /** Called on every change of status, never with the initial "connecting". */
  onStatus(status: FeedStatus): void;
  onPresence(presence: PresenceEventData): void;
  /** `setTimeout` returning its cancel; tests run the delays themselves. */
  schedule(callback: () => void, ms: number): () => void;
  /** Told of each snapshot applied (the e2e hook counts them). */
  onSnapshot?(): void;
}

export interface FeedClient {
  /** Stops for good: closes the stream and drops any pending reopen. */
  close(): void;
  /** Lets go of the stream (a hidden tab), keeping the doc and the last event id: "paused". */
  pause(): void;
  /** Opens a stream again after `pause`, resuming after the last event seen. */
  resume(): void;
}

/** WHATWG's `EventSource.CLOSED`, as a number: there is no `EventSource` in the unit tests' Node. */
const CLOSED = 2;

/** Reopening after the browser gave up backs off to this; the browser's own retries use the server's hint. */
const MAX_REOPEN_DELAY_MS = 30_000;

/**
 * The viewer feed into a local `Y.Doc`. `EventSource` does most of the work: it reconnects by
 * itself after a dropped connection, sending `Last-Event-ID`, so the server answers with only
 * what was missed or a fresh snapshot (either merges into the doc, since Yjs applies an update
 * it already has as a no-op). What it does not do is come back after an answer it cannot use
 * (a 404, a proxy's 502, a 429, the 503 of a damaged board): it closes for good. Then the board
 * is looked up: gone means deleted while we were away; damaged, that no stream will open until an
 * operator repairs it; anything else, a new stream after a backoff.
 */
export function connectFeed(options: FeedClientOptions): FeedClient {
  const { url, doc, open, probe, onStatus, onPresence, schedule } = options;
  let source: FeedSource | null = null;
  let status: FeedStatus = "connecting";
  let stopped = false;
  let cancelReopen: (() => void) | null = null;
  let reopenDelay = SSE_RETRY_MS;
  let paused = false;
  // The id of the last event applied: a stream this page opens itself (after a pause or a
  // give-up) passes it as `lastEventId`, since only the browser's own reconnects send the header.
  let lastEventId = "";

  const setStatus = (next: FeedStatus) => {
    if (next === status) return;
    status = next;
    onStatus(next);
  };

  const stop = () => {
    stopped = true;
    cancelReopen?.();
    cancelReopen = null;
    source?.close();
    source = null;
  };

  const reopenLater = () => {
    source?.close();
    source = null;
    setStatus("reconnecting");
    const delay = reopenDelay;
    reopenDelay = Math.min(MAX_REOPEN_DELAY_MS, reopenDelay * 2);
    cancelReopen = schedule(() => {
      cancelReopen = null;
      if (!stopped && !paused) openSource();
    }, delay);
  };

  const afterGivingUp = () => {
    source = null;
    setStatus("reconnecting");
    void probe().then((answer) => {
      if (stopped || paused) return;
      if (answer === "gone" || answer === "damaged") {
        stop();
        setStatus(answer === "gone" ? "deleted" : "damaged");
      } else {
        reopenLater();
      }
    });
  };

  const openSource = () => {
    const current = open(lastEventId === "" ? url : `${url}${url.includes("?") ? "&" : "?"}lastEventId=${encodeURIComponent(lastEventId)}`);
    source = current;
    // A closed source can still deliver an event already queued; only the current one counts.
    const on = (type: string, handle: (event: Event) => void) =>
      current.addEventListener(type, (event) => {
        if (!stopped && source === current) handle(event);
      });

    on("open", () => setStatus("live"));
    on("error", () => {
      if (current.readyState === CLOSED) afterGivingUp();
      else setStatus("reconnecting");
    });
    const applyDoc = (event: Event) => {
      const update = readDocUpdate(messageData(event));
      try {
        if (update === undefined) throw new Error("not a Yjs update");
        Y.applyUpdate(doc, update);
      } catch {
        // A stream that sent something unusable cannot be trusted to resume: start a fresh
        // one, which begins with a whole snapshot.
        lastEventId = "";
        reopenLater();
        return;
      }
      lastEventId = eventId(event) ?? lastEventId;
      reopenDelay = SSE_RETRY_MS;
      setStatus("live");
    };
    on(SSE_EVENTS.snapshot, (event) => {
      applyDoc(event);
      options.onSnapshot?.();
    });
    on(SSE_EVENTS.update, applyDoc);
    on(SSE_EVENTS.presence, (event) => {
      // An unreadable presence is only a cursor frame lost; the next one replaces it.
      const presence = readPresence(messageData(event));
      if (presence) onPresence(presence);
    });
    on(SSE_EVENTS.deleted, () => {
      // Closed at once: left alone, the `EventSource` would reconnect and meet a 404.
      stop();
      setStatus("deleted");
    });
  };

  openSource();
  return {
    close: stop,
    pause() {
      if (stopped || paused) return;
      paused = true;
      cancelReopen?.();
      cancelReopen = null;
      source?.close();
      source = null;
      setStatus("paused");
    },
    resume() {
      if (stopped || !paused) return;
      paused = false;
      reopenDelay = SSE_RETRY_MS;
      setStatus("connecting");
      openSource();
    },
  };
}

function eventId(event: Event): string | undefined {
  return "lastEventId" in event && typeof event.lastEventId === "string" && event.lastEventId !== "" ? event.lastEventId : undefined;
}

function messageData(event: Event): string {
  return "data" in event && typeof event.data === "string" ? event.data : "";
}

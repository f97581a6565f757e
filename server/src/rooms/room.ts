import * as Y from "yjs";
import type { Logger } from "pino";
import { AWARENESS_TICK_MS, MAX_AWARENESS_IDS_PER_CONNECTION, WS_CLOSE } from "@whiteboard/shared";
import { type OpenedDoc, type Store, StoredDocDamaged } from "../storage/store.js";
import type { AwarenessEntry } from "../protocol/awareness.js";
import { encodeAwarenessUpdate } from "../protocol/awareness.js";
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdate } from "../protocol/messages.js";
import { ThreadDoc } from "../doc-thread/thread-doc.js";
import { type ApplyOutcome, BoardDoc, UnreadableStateError } from "./board-doc.js";
import type { DocHost } from "./doc-host.js";
import { LocalDoc } from "./local-doc.js";
import { AwarenessTable } from "./awareness-table.js";
import { EditorSession } from "./editor-session.js";
import type { Peer, Rejection } from "./peer.js";
import { Throttle } from "./throttle.js";
import { DEFAULT_VIEWER_FEED_OPTIONS, ViewerFeed, type ViewerFeedOptions, type ViewerStream } from "./viewer-feed.js";
import { presenceEditors } from "./presence.js";

export interface RoomOptions {
  /**
   * Compaction when it pays: once the log holds more bytes than this share of the snapshot
   * (rewriting a 25 MB board for 10 KB of new strokes would cost 2,500 times what it saves)...
   */
  compactLogRatio: number;
  /** ...but never for less than this (a fresh board's snapshot is tiny)... */
  compactMinBytes: number;
  /** ...and always past this many rows, so loading a board never replays an endless log... */
  compactMaxRows: number;
  /** ...or once the board has been quiet this long with anything logged. */
  compactQuietMs: number;
  /**
   * From this stored size on, a board's doc is held in a thread of its own (loading a board of
   * 10,000 strokes, 12 MB, applies for half a second; 50,000 for seconds), and a board loaded
   * smaller that grew past it has a newcomer's whole-board sync read by the store's worker.
   * Below it, everything the doc does takes a few milliseconds at most.
   */
  offLoopBytes: number;
  awarenessTickMs: number;
  viewers: ViewerFeedOptions;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  compactLogRatio: 0.5,
  compactMinBytes: 256 * 1024,
  compactMaxRows: 10_000,
  compactQuietMs: 30_000,
  offLoopBytes: 1024 * 1024,
  awarenessTickMs: AWARENESS_TICK_MS,
  viewers: DEFAULT_VIEWER_FEED_OPTIONS,
};

export interface RoomDeps {
  store: Store;
  logger: Logger;
  options: RoomOptions;
  /** Called whenever editors or viewers come or go, so the registry can count them and unload. */
  onOccupancyChange(room: Room): void;
  /** Each write's outcome, so the registry can say once that storage fails, and once that it recovered. */
  onWriteOutcome(room: Room, error: unknown): void;
}

interface QueuedUpdate {
  update: Uint8Array;
  origin: EditorSession | undefined;
}

/**
 * One live board: its document (through a `DocHost`: on the event loop, or in a thread of its
 * own for a large board), its awareness, its editors, and the batching of what goes out. It
 * knows nothing of sockets: editors are `Peer`s, and everything they send arrives as bytes
 * through their `EditorSession`.
 *
 * Durability before visibility: an accepted update is written to the store's log first, and only
 * then forwarded to the other editors, so no one can see an edit a crash would lose. Updates that
 * arrive in the same turn of the event loop share one transaction.
 */
export class Room {
  private readonly editors = new Set<EditorSession>();
  private readonly awareness = new AwarenessTable<EditorSession>(MAX_AWARENESS_IDS_PER_CONNECTION);
  private queue: QueuedUpdate[] = [];
  /** Updates handed to the doc and not yet answered; the last of them, which answers last. */
  private readonly unanswered = new Set<Uint8Array>();
  private lastApply: Promise<void> = Promise.resolve();
  /** The batch being written now. */
  private writing: QueuedUpdate[] | undefined;
  private flushScheduled = false;
  private flushing: Promise<void> | undefined;
  private readonly awarenessTick: Throttle;
  private readonly feed: ViewerFeed;
  private lastSeq: number;
  /** The log since the snapshot: what a load replays, and what the next fold covers. */
  private loggedUpdates: number;
  private loggedBytes: number;
  private snapshotBytes: number;
  private compacting: Promise<void> | undefined;
  private quietTimer: NodeJS.Timeout | undefined;
  /** Set when writes must stop: the board was deleted, or the store or the doc's thread failed. */
  private stopped = false;
  /** The board's element count, as of the last change the doc accepted. */
  private elementCount: number;
  /** Set by `load` once the room exists: a doc thread may fail at any time after. */
  private host!: DocHost;
  /**
   * While the doc moves to a thread of its own (the board grew large while open), every update
   * received since the thread's starting state was read, to apply there before it takes over.
   */
  private movingOffLoop: Uint8Array[] | undefined;
  /** The move failed once (logged): the doc stays on the loop rather than retry on every write. */
  private staysOnLoop = false;

  private constructor(
    readonly boardId: string,
    opened: OpenedDoc,
    elementCount: number,
    private readonly deps: RoomDeps,
  ) {
    this.lastSeq = opened.lastSeq;
    this.loggedUpdates = opened.loggedUpdates;
    this.loggedBytes = opened.loggedBytes;
    this.snapshotBytes = opened.snapshotBytes;
    this.elementCount = elementCount;
    this.awarenessTick = new Throttle(deps.options.awarenessTickMs, () => this.sendAwareness());
    this.feed = new ViewerFeed(
      {
        snapshotEvent: (id) => this.host.snapshotEvent(id),
        editors: () => presenceEditors(this.awareness.liveStates()),
        onCountChange: () => this.deps.onOccupancyChange(this),
      },
      deps.options.viewers,
    );
  }

  /**
   * Loads a board's document from the store; undefined when the board does not exist. Throws
   * `DamagedBoardError` when stored bytes are not a Yjs update: the caller quarantines the board.
   */
  static async load(boardId: string, deps: RoomDeps): Promise<Room | undefined> {
    let opened: OpenedDoc | undefined;
    try {
      // Read and merged in the store's worker: the event loop applies one update, and neither
      // reads nor replays the log.
      opened = await deps.store.openDoc(boardId);
    } catch (err) {
      if (err instanceof StoredDocDamaged) throw new DamagedBoardError(boardId, err.part, err);
      throw err;
    }
    if (!opened) return undefined;
    const large = opened.state.byteLength >= deps.options.offLoopBytes;
    let room: Room | undefined;
    try {
      if (large) {
        const started = await ThreadDoc.start(opened.state, (err) => room?.hostFailed(err));
        room = new Room(boardId, opened, started.elementCount, deps);
        room.host = started.host;
      } else {
        const doc = new BoardDoc(opened.state);
        room = new Room(boardId, opened, doc.elementCount, deps);
        room.host = new LocalDoc(doc, {
          readStored: async () => (await deps.store.openDoc(boardId))?.state,
          isLarge: () => room!.storedBytes >= deps.options.offLoopBytes,
        });
      }
    } catch (err) {
      if (err instanceof UnreadableStateError) throw new DamagedBoardError(boardId, "the merged document", err);
      throw err;
    }
    return room;
  }

  /** Where the board's doc is held (tests, logs). */
  get docWhere(): DocHost["where"] {
    return this.host.where;
  }

  /** The whole document as one update, as the room holds it (tests, inspection). */
  wholeState(): Promise<Uint8Array> {
    return this.host.whole();
  }

  private get storedBytes(): number {
    return this.snapshotBytes + this.loggedBytes;
  }

  get editorCount(): number {
    return this.editors.size;
  }

  /** Updates received but not yet written (and so not yet forwarded). */
  get hasQueuedUpdates(): boolean {
    return (this.queue.length > 0 || this.unanswered.size > 0) && !this.stopped;
  }

  /** The room stopped writing (deleted, or its store failed): a new one must be loaded. */
  get isStopped(): boolean {
    return this.stopped;
  }

  get viewerCount(): number {
    return this.feed.count;
  }

  get isEmpty(): boolean {
    return this.editors.size === 0 && this.feed.count === 0;
  }

  /** Attaches a viewer's stream: what it missed since `lastEventId`, or a snapshot; then live. */
  watch(stream: ViewerStream, lastEventId: string | undefined): { leave(): void } {
    this.feed.attach(stream, lastEventId);
    return { leave: () => this.feed.detach(stream) };
  }

  /** Attaches an editor and starts the sync: our state vector, then everyone's awareness. */
  join(peer: Peer): EditorSession {
    const session = new EditorSession(this, peer);
    this.editors.add(session);
    this.host.stateVector().then(
      (stateVector) => session.send(encodeSyncStep1(stateVector)),
      () => undefined, // the doc's thread failed: the room is closing its editors
    );
    const live = this.awareness.liveEntries();
    if (live.length > 0) peer.send(encodeAwarenessMessage(encodeAwarenessUpdate(live)));
    this.deps.onOccupancyChange(this);
    return session;
  }

  /** @internal EditorSession.leave */
  detach(session: EditorSession): void {
    if (!this.editors.delete(session)) return;
    if (this.awareness.release(session)) this.awarenessTick.request();
    this.deps.onOccupancyChange(this);
  }

  /**
   * Sync step 2 for an editor that sent its state vector, from wherever the doc is held. The
   * answer covers every update applied before the question; anything later reaches the editor,
   * attached already, as a forwarded update, and Yjs merges the two in whatever order.
   */
  answerSyncStep1(session: EditorSession, stateVector: Uint8Array): void {
    this.host.syncStep2(stateVector).then(
      (message) => session.send(message),
      () => undefined, // the doc's thread failed: the room is closing its editors
    );
  }

  liveAwareness(): AwarenessEntry[] {
    return this.awareness.liveEntries();
  }

  /**
   * Validates a client's update and hands it to the doc; what the doc accepts is queued for the
   * log and the other editors, in the order received. `Y.applyUpdate` is not atomic on
   * malformed input (it can apply part, then throw), so the update is fully decoded first and
   * never reaches the doc unless it decodes. A refusal closes the sender.
   */
  receiveUpdate(origin: EditorSession | undefined, update: Uint8Array): Rejection | undefined {
    if (this.stopped) return { code: WS_CLOSE.goingAway, reason: "board unavailable" };
    try {
      Y.decodeUpdate(update);
    } catch {
      return { code: WS_CLOSE.invalidData, reason: "undecodable update" };
    }
    this.movingOffLoop?.push(update);
    this.unanswered.add(update);
    this.lastApply = this.host
      .apply(update)
      .then(
        (outcome) => this.applied(origin, update, outcome),
        () => undefined, // the doc's thread failed: the room is closing its editors
      )
      .finally(() => {
        this.unanswered.delete(update);
      });
    return undefined;
  }

  private applied(origin: EditorSession | undefined, update: Uint8Array, outcome: ApplyOutcome): void {
    if (this.stopped) return;
    switch (outcome.kind) {
      case "unchanged":
        return;
      case "rejected":
        if (outcome.detail) this.deps.logger.warn({ boardId: this.boardId, err: outcome.detail }, "update decoded but failed to apply");
        origin?.close(outcome.rejection.code, outcome.rejection.reason);
        return;
      case "changed":
        this.elementCount = outcome.elementCount;
        this.queue.push({ update, origin });
        this.scheduleFlush();
        return;
      default: {
        const unhandled: never = outcome;
        throw new Error(`unhandled outcome ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** The doc's thread died: what it held unstored is lost to the room, so the room must go. */
  private hostFailed(err: Error): void {
    if (this.stopped) return;
    this.deps.logger.error({ err, boardId: this.boardId }, "the board's document thread failed; its editors are asked to reconnect");
    this.stopped = true;
    this.evict(WS_CLOSE.storageUnavailable, "board unavailable; retrying");
    this.deps.onOccupancyChange(this);
  }

  /** @internal EditorSession: entries already decoded and capped. */
  receiveAwareness(session: EditorSession, entries: AwarenessEntry[]): void {
    if (this.awareness.apply(session, entries)) this.awarenessTick.request();
  }

  /** Writes what is queued, then forwards it. Resolves once everything queued so far is out. */
  async flush(): Promise<void> {
    // Updates still with the doc are queued once it answers; the last answers last.
    for (let last; last !== this.lastApply; ) await (last = this.lastApply);
    while (this.flushing) await this.flushing;
    if (this.queue.length === 0 || this.stopped) return;
    const batch = this.queue;
    this.queue = [];
    this.writing = batch;
    this.flushing = this.writeAndForward(batch);
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
      this.writing = undefined;
    }
  }

  /** Flushes, folds the log into a snapshot, and stops: the last step before the room is dropped. */
  async unload(): Promise<void> {
    await this.flush();
    this.awarenessTick.cancel();
    clearTimeout(this.quietTimer);
    this.feed.flushPending();
    this.feed.close();
    await this.compacting;
    if (!this.stopped && this.loggedUpdates > 0) await this.compact();
    this.stopped = true;
    await this.host.close();
  }

  /** Disconnects every editor (server stopping, store failure); viewers' streams end too. */
  evict(code: number, reason: string): void {
    for (const session of [...this.editors]) session.close(code, reason);
    this.feed.close();
  }

  /** The board is gone: nothing more is written; editors are closed and viewers told. */
  delete(closeCode: number): void {
    this.stopped = true;
    clearTimeout(this.quietTimer);
    this.queue = [];
    this.awarenessTick.cancel();
    for (const session of [...this.editors]) session.close(closeCode, closeCode === WS_CLOSE.linksReset ? "links reset" : "board deleted");
    this.feed.deleted();
    void this.host.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async writeAndForward(batch: QueuedUpdate[]): Promise<void> {
    const elementCount = this.elementCount;
    try {
      this.lastSeq = await this.deps.store.appendUpdates(
        this.boardId,
        batch.map((item) => item.update),
        elementCount,
      );
    } catch (err) {
      if (this.stopped) return;
      // Nothing of this batch reached anyone but its senders, and they keep it in their own
      // docs; but this room's doc holds it, unstored, so the room must go. Editors are told to
      // retry (1013): their providers reconnect to a room loaded from what was stored and resend.
      // Viewers' streams end too, and their EventSources resume from the stored board.
      this.deps.onWriteOutcome(this, err);
      this.stopped = true;
      this.evict(WS_CLOSE.storageUnavailable, "storage unavailable; retrying");
      return;
    }
    this.deps.onWriteOutcome(this, undefined);
    const messages = batch.map(({ update, origin }) => ({ origin, message: encodeUpdate(update) }));
    for (const { update } of batch) {
      this.loggedUpdates += 1;
      this.loggedBytes += update.byteLength;
      this.feed.pushUpdate(update);
    }
    // Each editor gets the batch but its own updates, in order, in one write.
    for (const session of this.editors) session.sendAll(messages.filter((m) => m.origin !== session).map((m) => m.message));
    if (this.compactionPays()) void this.compact();
    this.scheduleQuietCompaction();
    if (this.host.where === "event loop" && this.storedBytes >= this.deps.options.offLoopBytes) void this.moveOffLoop();
  }

  /**
   * A board loaded small that grew large while open (an import, a long session) moves to a
   * thread of its own, without the event loop encoding it: the thread starts from the store's
   * copy, merged by the store's worker, and is given every update received since that copy was
   * asked for (a few duplicates cost nothing: Yjs ignores what it has). Until it is ready, the
   * doc on the loop keeps serving.
   */
  private async moveOffLoop(): Promise<void> {
    if (this.movingOffLoop || this.stopped || this.staysOnLoop) return;
    // Every update received so far is written, being written, queued, or with the doc: the
    // thread starts from what the store has when it reads, given all the others.
    const received = (this.movingOffLoop = [...(this.writing ?? []), ...this.queue].map((queued) => queued.update));
    received.push(...this.unanswered);
    const began = performance.now();
    try {
      const stored = await this.deps.store.openDoc(this.boardId);
      if (!stored || this.stopped) return;
      const { host } = await ThreadDoc.start(stored.state, (err) => this.hostFailed(err));
      if (this.stopped) {
        await host.close();
        return;
      }
      // Asked before anything else, so the thread answers later calls with all of it.
      for (const update of received) void host.apply(update).catch(() => undefined);
      const local = this.host;
      this.host = host;
      await local.close();
      this.deps.logger.info(
        { boardId: this.boardId, storedBytes: this.storedBytes, ms: Math.round(performance.now() - began) },
        "the board grew large: its doc moved to a thread of its own",
      );
    } catch (err) {
      this.staysOnLoop = true;
      this.deps.logger.warn({ err, boardId: this.boardId }, "could not move the board's doc to its own thread; it stays on the event loop");
    } finally {
      this.movingOffLoop = undefined;
    }
  }

  private compactionPays(): boolean {
    const { compactLogRatio, compactMinBytes, compactMaxRows } = this.deps.options;
    if (this.loggedUpdates >= compactMaxRows) return true;
    return this.loggedBytes >= Math.max(compactMinBytes, this.snapshotBytes * compactLogRatio);
  }

  private scheduleQuietCompaction(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      if (!this.stopped && this.loggedUpdates > 0) void this.compact();
    }, this.deps.options.compactQuietMs);
    this.quietTimer.unref();
  }

  /**
   * Folds the log through the last written sequence, in the store's worker: the room neither
   * encodes the doc for it nor waits for it before the next batch. One fold at a time; updates
   * written meanwhile stay in the log for the next one.
   */
  private compact(): Promise<void> {
    this.compacting ??= (async () => {
      const throughSeq = this.lastSeq;
      const began = performance.now();
      try {
        const folded = await this.deps.store.compactDoc(this.boardId, throughSeq);
        this.deps.logger.debug(
          { boardId: this.boardId, throughSeq, ...folded, ms: Math.round(performance.now() - began) },
          "folded the board's log into its snapshot",
        );
        this.snapshotBytes = folded.snapshotBytes;
        this.loggedUpdates = Math.max(0, this.loggedUpdates - folded.foldedRows);
        this.loggedBytes = Math.max(0, this.loggedBytes - folded.foldedBytes);
      } catch (err) {
        // The log still holds everything: compaction can wait for the next chance.
        this.deps.logger.warn({ err, boardId: this.boardId }, "compaction failed");
      } finally {
        this.compacting = undefined;
      }
    })();
    return this.compacting;
  }

  /** Coalesced by `awarenessTick`: one message per tick, latest states only. */
  private sendAwareness(): void {
    if (!this.awareness.hasChanges()) return;
    // Encoded once for the whole room; the senders get their own entries back, which their
    // awareness ignores (same clock), and which spares a per-editor encoding.
    const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness.takeChanges()));
    for (const session of this.editors) session.send(message);
    this.feed.presenceChanged();
  }
}

/** A board whose stored bytes Yjs rejects: quarantined, its rows left as they are for inspection. */
export class DamagedBoardError extends Error {
  override readonly name = "DamagedBoardError";

  constructor(
    readonly boardId: string,
    readonly part: string,
    override readonly cause: unknown,
  ) {
    super(`board ${boardId}: ${part} is not a Yjs update`);
  }
}

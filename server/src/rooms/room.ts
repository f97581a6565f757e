import * as Y from "yjs";
import type { Logger } from "pino";
import { AWARENESS_TICK_MS, MAX_AWARENESS_IDS_PER_CONNECTION, MAX_PENDING_UPDATE_BYTES, WS_CLOSE } from "@whiteboard/shared";
import { type OpenedDoc, type Store, StoredDocDamaged } from "../storage/store.js";
import type { AwarenessEntry } from "../protocol/awareness.js";
import { encodeAwarenessUpdate } from "../protocol/awareness.js";
import { encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "../protocol/messages.js";
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
   * From this stored size on, a newcomer's whole-board sync after a change is encoded by the
   * store's worker rather than on the event loop; below it the encode takes well under 1 ms.
   */
  encodeOffLoopBytes: number;
  awarenessTickMs: number;
  viewers: ViewerFeedOptions;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  compactLogRatio: 0.5,
  compactMinBytes: 256 * 1024,
  compactMaxRows: 10_000,
  compactQuietMs: 30_000,
  encodeOffLoopBytes: 1024 * 1024,
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
 * One live board: its Y.Doc, its awareness, its editors, and the batching of what goes out. It
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
  /** Set when writes must stop: the board was deleted, or the store failed. */
  private stopped = false;
  /**
   * The whole doc as one update, kept until the doc next changes: each new editor's first sync,
   * each viewer snapshot and each compaction would otherwise encode it again (a board of 10,000
   * strokes is 11 MB, a fifth of a second to encode).
   */
  private encodedState: Uint8Array | undefined;
  /** Whether the last transaction on the doc added or deleted anything. */
  private lastTransactionChanged = false;
  /**
   * The board's element count, kept as keys come and go: `Y.Map#size` walks every entry, 6 ms
   * at 50,000 strokes, and every write batch records the count.
   */
  private elementCount: number;

  private constructor(
    readonly boardId: string,
    readonly doc: Y.Doc,
    opened: OpenedDoc,
    private readonly deps: RoomDeps,
  ) {
    this.lastSeq = opened.lastSeq;
    this.loggedUpdates = opened.loggedUpdates;
    this.loggedBytes = opened.loggedBytes;
    this.snapshotBytes = opened.snapshotBytes;
    // The worker's encoding of this very state: the first newcomer and viewer get it as is.
    this.encodedState = opened.state;
    this.awarenessTick = new Throttle(deps.options.awarenessTickMs, () => this.sendAwareness());
    const elements = doc.getMap("elements");
    this.elementCount = elements.size;
    elements.observe((event) => {
      for (const { action } of event.changes.keys.values()) {
        if (action === "add") this.elementCount += 1;
        else if (action === "delete") this.elementCount -= 1;
      }
    });
    doc.on("afterTransaction", (transaction) => {
      this.lastTransactionChanged = changedAnything(transaction);
      if (this.lastTransactionChanged) this.encodedState = undefined;
    });
    this.feed = new ViewerFeed(
      {
        snapshot: () => this.wholeDoc(),
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
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, opened.state);
    } catch (err) {
      doc.destroy();
      throw new DamagedBoardError(boardId, "the merged document", err);
    }
    return new Room(boardId, doc, opened, deps);
  }

  get editorCount(): number {
    return this.editors.size;
  }

  /** Updates accepted but not yet written (and so not yet forwarded). */
  get hasQueuedUpdates(): boolean {
    return this.queue.length > 0 && !this.stopped;
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
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
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
   * Sync step 2 for a client that sent its state vector. A newcomer with nothing needs the whole
   * board: while it is unchanged that is the cached encoding; after a change, a large board is
   * read and encoded by the store's worker instead of on this loop (0.2 s at 10,000 strokes).
   * The worker's copy is what is stored, which is enough: the peer is attached already, so every
   * update written after that read reaches it as a forwarded update, and Yjs merges the two in
   * whatever order they arrive.
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const fresh = Y.decodeStateVector(stateVector).size === 0;
    const large = this.snapshotBytes + this.loggedBytes >= this.deps.options.encodeOffLoopBytes;
    if (!fresh || this.encodedState || !large) {
      peer.send(encodeSyncStep2(this.diffSince(stateVector)));
      return;
    }
    void this.deps.store
      .openDoc(this.boardId)
      .then((opened) => peer.send(encodeSyncStep2(opened?.state ?? this.wholeDoc())))
      .catch(() => peer.send(encodeSyncStep2(this.wholeDoc())));
  }

  /** What a client is missing, given its state vector (sync step 2). */
  diffSince(stateVector: Uint8Array): Uint8Array {
    // A client with nothing yet (a first visit) lacks the whole doc.
    if (Y.decodeStateVector(stateVector).size === 0) return this.wholeDoc();
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  private wholeDoc(): Uint8Array {
    this.encodedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.encodedState;
  }

  liveAwareness(): AwarenessEntry[] {
    return this.awareness.liveEntries();
  }

  /**
   * Validates and applies a client's update, then queues it for the log and the other editors.
   * `Y.applyUpdate` is not atomic on malformed input (it can apply part, then throw), so the
   * update is fully decoded first and never touches the doc unless it decodes.
   */
  receiveUpdate(origin: EditorSession | undefined, update: Uint8Array): Rejection | undefined {
    if (this.stopped) return { code: WS_CLOSE.goingAway, reason: "board unavailable" };
    try {
      Y.decodeUpdate(update);
    } catch {
      return { code: WS_CLOSE.invalidData, reason: "undecodable update" };
    }
    // Yjs keeps one pendingStructs object and swaps its `update` as more is parked.
    const parkedStructs = this.doc.store.pendingStructs?.update;
    const parkedDs = this.doc.store.pendingDs;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (err) {
      this.encodedState = undefined;
      this.deps.logger.warn({ err, boardId: this.boardId }, "update decoded but failed to apply");
      return { code: WS_CLOSE.invalidData, reason: "update rejected" };
    }
    // Nothing new (a client resending what the board has, as an editor does when its offline
    // copy loads after it connected): storing and forwarding it would cost every editor and
    // viewer the whole board again. Anything Yjs had to park counts as new.
    const parked = this.doc.store.pendingStructs?.update !== parkedStructs || this.doc.store.pendingDs !== parkedDs;
    if (!this.lastTransactionChanged && !parked) return undefined;
    // An update Yjs had to park is neither stored nor forwarded once the parked bytes pass the
    // cap: it would be parked again on every reload and at every peer.
    const overflow = this.checkPending();
    if (overflow) return overflow;
    this.queue.push({ update, origin });
    this.scheduleFlush();
    return undefined;
  }

  /** @internal EditorSession: entries already decoded and capped. */
  receiveAwareness(session: EditorSession, entries: AwarenessEntry[]): void {
    if (this.awareness.apply(session, entries)) this.awarenessTick.request();
  }

  /** Writes what is queued, then forwards it. Resolves once everything queued so far is out. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.queue.length === 0 || this.stopped) return;
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.writeAndForward(batch);
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
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
    this.doc.destroy();
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
    for (const { update, origin } of batch) {
      this.loggedUpdates += 1;
      this.loggedBytes += update.byteLength;
      const message = encodeUpdate(update);
      for (const session of this.editors) if (session !== origin) session.send(message);
      this.feed.pushUpdate(update);
    }
    if (this.compactionPays()) void this.compact();
    this.scheduleQuietCompaction();
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
      try {
        const folded = await this.deps.store.compactDoc(this.boardId, throughSeq);
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

  /** Bounds what Yjs parks for updates with missing dependencies. */
  private checkPending(): Rejection | undefined {
    const store = this.doc.store;
    const parked = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
    if (parked <= MAX_PENDING_UPDATE_BYTES) return undefined;
    store.pendingStructs = null;
    store.pendingDs = null;
    return { code: WS_CLOSE.policyViolation, reason: "too many updates with missing dependencies" };
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

/** Whether a transaction integrated a struct or deleted an item: false for an update the doc already had. */
function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  if (transaction.beforeState.size !== transaction.afterState.size) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
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

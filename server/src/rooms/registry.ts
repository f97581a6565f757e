import type { Logger } from "pino";
import { WS_CLOSE } from "@whiteboard/shared";
import type { Store } from "../storage/store.js";
import type { LiveBoards } from "./live-boards.js";
import type { Peer } from "./peer.js";
import { DEFAULT_ROOM_OPTIONS, DamagedBoardError, Room, type RoomOptions } from "./room.js";
import type { EditorSession } from "./editor-session.js";
import type { ViewerStream } from "./viewer-feed.js";

export interface RegistryOptions extends RoomOptions {
  /**
   * An empty room stays loaded this long, so a reload or a flaky network does not pay for a
   * reload from disk.
   */
  unloadGraceMs: number;
}

const MAX_RETIRED_REMEMBERED = 1000;

export const DEFAULT_REGISTRY_OPTIONS: RegistryOptions = { ...DEFAULT_ROOM_OPTIONS, unloadGraceMs: 10_000 };

/**
 * The live boards of one server: creates a room when its first client arrives, never two for one
 * board (clients arriving during a load share it), and unloads it, flushed, once the last has left.
 */
export class RoomRegistry implements LiveBoards {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | undefined>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly countListeners: Array<(boardKey: string) => void> = [];
  /**
   * Boards whose capabilities stopped working, with when (a counter) and the close code. An
   * upgrade checked its id before the reset and joins after it: the mark it took before the check
   * tells `open` to refuse it, so no editor gets in on a dead link.
   */
  private readonly retired = new Map<string, { seq: number; code: number }>();
  private retirements = 0;
  /** Boards whose stored data Yjs rejects, with why: refused until the server restarts. */
  private readonly damaged = new Map<string, string>();
  /** Whether the last write anywhere failed: storage trouble is logged once, and its end once. */
  private storageFailing = false;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly options: RegistryOptions = DEFAULT_REGISTRY_OPTIONS,
  ) {}

  /**
   * Attaches an editor to a board's room, loading it if needed. Undefined when the board does
   * not exist (or the server is stopping). Room lookup and join happen in one step, so an
   * unload can never slip in between.
   */
  async joinEditor(boardId: string, peer: Peer, mark?: number): Promise<EditorSession | undefined> {
    const room = await this.open(boardId, mark);
    return room?.join(peer);
  }

  /** Attaches a viewer's stream to a board's room; undefined when the board does not exist. */
  async joinViewer(boardId: string, stream: ViewerStream, lastEventId: string | undefined, mark?: number): Promise<{ leave(): void } | undefined> {
    const room = await this.open(boardId, mark);
    return room?.watch(stream, lastEventId);
  }

  /** Why the board is quarantined, if it is (its stored data could not be read). */
  damage(boardKey: string): string | undefined {
    return this.damaged.get(boardKey);
  }

  /**
   * Loads the board's room ahead of a join (the viewer stream does, before it answers 200), so
   * a quarantined board can still be refused with a status. False when there is no room to join.
   */
  async prepare(boardKey: string, mark?: number): Promise<boolean> {
    return (await this.open(boardKey, mark)) !== undefined;
  }

  /** Taken before a capability check and passed to a join: see `retired`. */
  mark(): number {
    return this.retirements;
  }

  /** The close code, if the board's capabilities stopped working after `mark`. */
  retiredSince(boardKey: string, mark: number): number | undefined {
    const retired = this.retired.get(boardKey);
    return retired && retired.seq > mark ? retired.code : undefined;
  }

  /** The loaded room of a board, if any (tests and the viewer transport). */
  loaded(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  counts(boardId: string): { editors: number; viewers: number } {
    const room = this.rooms.get(boardId);
    return { editors: room?.editorCount ?? 0, viewers: room?.viewerCount ?? 0 };
  }

  onCountsChange(listener: (boardKey: string) => void): void {
    this.countListeners.push(listener);
  }

  async boardGone(boardKey: string, closeCode: number): Promise<void> {
    this.retired.delete(boardKey);
    this.retired.set(boardKey, { seq: ++this.retirements, code: closeCode });
    // Only joins already under way need it; a thousand entries cover any such window.
    if (this.retired.size > MAX_RETIRED_REMEMBERED) this.retired.delete(this.retired.keys().next().value!);
    // A load under way finishes first, so no room for the old capability appears afterwards.
    await this.loading.get(boardKey);
    const room = this.rooms.get(boardKey);
    if (!room) return;
    this.cancelUnload(boardKey);
    this.rooms.delete(boardKey);
    // Registered like an unload: a join on the new id (or after a restore) waits for this room
    // to finish writing instead of loading a second room beside it, whose compaction could drop
    // rows the other wrote.
    const done = this.retire(room, closeCode).finally(() => this.unloading.delete(boardKey));
    this.unloading.set(boardKey, done);
    await done;
  }

  private async retire(room: Room, closeCode: number): Promise<void> {
    // The trash is restorable and reset links keep the board: what was sent must not be lost.
    // Updates arriving during a flush wait for the next one; `delete` follows the last flush with
    // no await between, so nothing can slip in after it.
    try {
      do await room.flush();
      while (room.hasQueuedUpdates);
    } catch (err) {
      this.logger.error({ err, boardId: room.boardId }, "flush before close failed");
    }
    room.delete(closeCode);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Disconnects everyone and flushes every room: the server is stopping. */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.allSettled([...this.loading.values(), ...this.unloading.values()]);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of rooms) room.evict(WS_CLOSE.goingAway, "server shutting down");
    await Promise.all(rooms.map((room) => room.unload().catch((err) => this.logger.error({ err }, "unload failed"))));
  }

  private async open(boardId: string, mark?: number): Promise<Room | undefined> {
    for (;;) {
      if (this.closed || this.damaged.has(boardId)) return undefined;
      if (mark !== undefined && this.retiredSince(boardId, mark) !== undefined) return undefined;
      const unloading = this.unloading.get(boardId);
      if (unloading) {
        await unloading;
        continue;
      }
      const room = this.rooms.get(boardId);
      if (room?.isStopped) {
        this.cancelUnload(boardId);
        this.rooms.delete(boardId);
        continue;
      }
      if (room) {
        this.cancelUnload(boardId);
        return room;
      }
      let load = this.loading.get(boardId);
      if (!load) {
        load = this.load(boardId);
        this.loading.set(boardId, load);
      }
      const loaded = await load;
      // Loop: the room may have been deleted or unloaded while we waited.
      if (!loaded) return undefined;
      if (this.rooms.get(boardId) === loaded) {
        this.cancelUnload(boardId);
        return loaded;
      }
    }
  }

  private async load(boardId: string): Promise<Room | undefined> {
    try {
      const room = await Room.load(boardId, {
        store: this.store,
        logger: this.logger,
        options: this.options,
        onOccupancyChange: (changed) => this.occupancyChanged(changed),
        onWriteOutcome: (_room, error) => this.writeOutcome(boardId, error),
      });
      if (room && !this.closed) {
        this.rooms.set(boardId, room);
        // Nobody may join after all (the socket closed during the load): unload in due course.
        this.scheduleUnload(room);
      }
      return room;
    } catch (err) {
      if (!(err instanceof DamagedBoardError)) throw err;
      // Kept as it is, for an operator to inspect: nothing is deleted or rewritten.
      this.damaged.set(boardId, err.part);
      this.logger.error(
        { boardId, part: err.part, err: err.cause },
        "board quarantined: its stored data is damaged; its editors and viewers are refused until it is repaired and the server restarted",
      );
      return undefined;
    } finally {
      this.loading.delete(boardId);
    }
  }

  private writeOutcome(boardId: string, error: unknown): void {
    if (error === undefined) {
      if (this.storageFailing) this.logger.info({ boardId }, "storage writes succeed again; editing resumed");
      this.storageFailing = false;
      return;
    }
    if (this.storageFailing) {
      this.logger.debug({ boardId, err: error }, "storage write failed again");
      return;
    }
    this.storageFailing = true;
    this.logger.error(
      { boardId, err: error },
      "storage write failed (disk full or I/O error): editors of boards that need to write are asked to retry; nothing unstored was forwarded",
    );
  }

  private occupancyChanged(room: Room): void {
    for (const listener of this.countListeners) listener(room.boardId);
    if (room.isEmpty) this.scheduleUnload(room);
    else this.cancelUnload(room.boardId);
  }

  private scheduleUnload(room: Room): void {
    if (!room.isEmpty || this.unloadTimers.has(room.boardId) || this.rooms.get(room.boardId) !== room) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.boardId);
      void this.unload(room);
    }, this.options.unloadGraceMs);
    this.unloadTimers.set(room.boardId, timer);
  }

  private cancelUnload(boardId: string): void {
    clearTimeout(this.unloadTimers.get(boardId));
    this.unloadTimers.delete(boardId);
  }

  private async unload(room: Room): Promise<void> {
    if (!room.isEmpty || this.rooms.get(room.boardId) !== room) return;
    this.rooms.delete(room.boardId);
    const done = room
      .unload()
      .catch((err) => this.logger.error({ err, boardId: room.boardId }, "unload failed"))
      .finally(() => this.unloading.delete(room.boardId));
    this.unloading.set(room.boardId, done);
    await done;
  }
}

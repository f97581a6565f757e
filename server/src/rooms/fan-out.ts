/** One receiver of the fan-out: bytes in, and how many are still queued in its socket. */
export interface FanOutStream {
  write(chunk: Buffer): void;
  /** Bytes written but not yet taken by the network. */
  readonly buffered: number;
}

export interface FanOutOptions {
  /** Streams written per macrotask; between slices the event loop serves editors and new viewers. */
  sliceSize: number;
  /** A stream with more than this queued is handed to `onSlowStream` instead of written. */
  maxBufferedBytes: number;
}

export const DEFAULT_FAN_OUT_OPTIONS: FanOutOptions = { sliceSize: 256, maxBufferedBytes: 1024 * 1024 };

interface Entry {
  seq: number;
  bytes: Buffer;
  /** A later entry of the same kind makes this one pointless to a stream that has not had it. */
  latestWins: string | undefined;
  superseded: boolean;
}

/**
 * Writes a sequence of already-encoded chunks to many streams, as a round-robin that never
 * blocks the event loop for long and never makes a chunk wait for a whole extra round.
 *
 * Writing to thousands of sockets is the cost of a big audience (about 10 µs a socket here,
 * nearly all of it in the kernel). Done as one loop per tick, an event that arrives while a loop
 * runs waits for it to end and then for its own turn: up to two loop lengths. Here each stream
 * instead remembers how far it has been written, and every visit writes everything it has not had
 * yet, as one write: an event reaches the streams the current round has not visited yet in that
 * same round, so none waits more than one round. The round is sliced, so a burst of viewers
 * never stalls the editors' messages.
 *
 * Chunks are shared: streams at the same place get the same Buffer, concatenated once.
 */
export class FanOut<S extends FanOutStream> {
  /** Each stream with the seq of the last entry it was written. Map iteration sees additions. */
  private readonly streams = new Map<S, number>();
  /**
   * What a stream still had queued when it was added (its snapshot: tens of megabytes for a
   * large board, which takes a real network seconds), shrinking as its socket drains. It is
   * allowed on top of the bound: a viewer taking in its snapshot is not slow, one that stops
   * reading is, once the backlog grows past what it started with.
   */
  private readonly startBacklog = new Map<S, number>();
  private readonly entries: Entry[] = [];
  private head = 0;
  /** The bytes from a given seq to `head`, shared by every stream at that seq this round. */
  private readonly pendingFrom = new Map<number, Buffer>();
  private round: { iterator: Iterator<[S, number]>; startHead: number } | undefined;
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly onSlowStream: (stream: S) => void,
    private readonly options: FanOutOptions = DEFAULT_FAN_OUT_OPTIONS,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  /** Entries kept for streams not yet written them: bounded by what one round takes. */
  get queuedEntries(): number {
    return this.entries.length;
  }

  [Symbol.iterator](): IterableIterator<S> {
    return this.streams.keys();
  }

  /** A stream that has had everything up to now (the caller wrote it whatever it starts with). */
  add(stream: S): void {
    this.streams.set(stream, this.head);
    if (stream.buffered > 0) this.startBacklog.set(stream, stream.buffered);
  }

  remove(stream: S): boolean {
    this.startBacklog.delete(stream);
    return this.streams.delete(stream);
  }

  /**
   * Queues `bytes` for every stream. With `latestWins`, a stream that has not yet had an earlier
   * entry of that kind skips it and gets only this one (presence: only the newest counts).
   */
  enqueue(bytes: Buffer, latestWins?: string): void {
    if (this.streams.size === 0) return;
    if (latestWins !== undefined) {
      for (const entry of this.entries) if (entry.latestWins === latestWins) entry.superseded = true;
    }
    this.entries.push({ seq: ++this.head, bytes, latestWins, superseded: false });
    this.pendingFrom.clear();
    this.schedule();
  }

  /** Writes every stream all it has not had, now, in one go (before ending them all). */
  flushNow(): void {
    this.cancel();
    for (const [stream, sent] of this.streams) this.visit(stream, sent);
    this.entries.length = 0;
    this.pendingFrom.clear();
  }

  cancel(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.round = undefined;
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      this.slice();
    });
  }

  private slice(): void {
    this.round ??= { iterator: this.streams.entries(), startHead: this.head };
    const { iterator, startHead } = this.round;
    for (let i = 0; i < this.options.sliceSize; i++) {
      const next = iterator.next();
      if (next.done) {
        this.endRound(startHead);
        return;
      }
      const [stream, sent] = next.value;
      this.visit(stream, sent);
    }
    this.schedule();
  }

  private visit(stream: S, sent: number): void {
    if (sent >= this.head) return;
    const buffered = stream.buffered;
    const backlog = this.startBacklog.get(stream);
    if (buffered > this.options.maxBufferedBytes + (backlog ?? 0)) {
      this.remove(stream);
      this.onSlowStream(stream);
      return;
    }
    if (backlog !== undefined && buffered < backlog) {
      if (buffered === 0) this.startBacklog.delete(stream);
      else this.startBacklog.set(stream, buffered);
    }
    stream.write(this.bytesFrom(sent));
    this.streams.set(stream, this.head);
  }

  /** Every stream is now past the round's start: drop what they all had; go again if more came. */
  private endRound(startHead: number): void {
    this.round = undefined;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.seq <= startHead) drop++;
    this.entries.splice(0, drop);
    if (this.head > startHead) this.schedule();
  }

  private bytesFrom(sent: number): Buffer {
    let bytes = this.pendingFrom.get(sent);
    if (!bytes) {
      const parts = this.entries.filter((entry) => entry.seq > sent && !entry.superseded).map((entry) => entry.bytes);
      bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      this.pendingFrom.set(sent, bytes);
    }
    return bytes;
  }
}

import type { Worker } from "node:worker_threads";
import type { ApplyOutcome } from "../rooms/board-doc.js";
import { UnreadableStateError } from "../rooms/board-doc.js";
import type { DocHost } from "../rooms/doc-host.js";
import { startWorker } from "../threads/start-worker.js";
import type { DocRequest, DocResponse } from "./protocol.js";
import { transferable } from "./transferable.js";

type RequestBody = DocRequest extends infer R ? (R extends DocRequest ? Omit<R, "id"> : never) : never;

/**
 * A large board's doc in a thread of its own (worker.ts), one thread per board: a board held by
 * a shared thread would stall behind another board's load. The event loop only passes bytes
 * along; the buffers of a load, a first sync and a snapshot are moved between threads, never
 * copied.
 *
 * A thread that dies fails every call under way and every later one, and `onFailure` is told
 * once: the room stops, and its editors reconnect to a fresh load.
 */
export class ThreadDoc implements DocHost {
  readonly where = "own thread";
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private failed: Error | undefined;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly onFailure: (err: Error) => void,
  ) {
    worker.on("message", (response: DocResponse) => {
      const waiter = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiter) return;
      if (response.ok) waiter.resolve(response.value);
      else if (response.unreadable) waiter.reject(new UnreadableStateError(response.message));
      else waiter.reject(new Error(`document thread: ${response.message}`));
    });
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", (code) => this.fail(new Error(`the document thread exited with ${code}`)));
    worker.unref();
  }

  /**
   * Starts a thread and loads `state` into it (moved, not copied: the caller must not use it
   * again). Rejects with `UnreadableStateError` when it is not a Yjs update.
   */
  static async start(state: Uint8Array, onFailure: (err: Error) => void): Promise<{ host: ThreadDoc; elementCount: number }> {
    const host = new ThreadDoc(startWorker(import.meta.url, "worker", {}), onFailure);
    // A view of a larger buffer cannot be moved alone: copy it into a buffer of its own.
    const owned = transferable(state).length > 0 ? state : state.slice();
    try {
      const elementCount = (await host.request({ kind: "load", state: owned }, [owned.buffer as ArrayBuffer])) as number;
      return { host, elementCount };
    } catch (err) {
      await host.close();
      throw err;
    }
  }

  apply(update: Uint8Array): Promise<ApplyOutcome> {
    return this.request({ kind: "apply", update }) as Promise<ApplyOutcome>;
  }

  stateVector(): Promise<Uint8Array> {
    return this.request({ kind: "stateVector" }) as Promise<Uint8Array>;
  }

  syncStep2(stateVector: Uint8Array): Promise<Uint8Array> {
    return this.request({ kind: "syncStep2", stateVector }) as Promise<Uint8Array>;
  }

  async snapshotEvent(id: number): Promise<Buffer> {
    const bytes = (await this.request({ kind: "snapshotEvent", eventId: id })) as Uint8Array;
    // Structured cloning turns a Buffer into a plain Uint8Array: view it as a Buffer again.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  whole(): Promise<Uint8Array> {
    return this.request({ kind: "whole" }) as Promise<Uint8Array>;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.worker.terminate();
  }

  private request(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.closing) return Promise.reject(new Error("the document thread is closed"));
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    // Referenced while it works, so a shutdown waiting on an answer is not cut short; idle, it
    // must not keep the process alive.
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as DocRequest, transfer);
    });
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
    if (!this.closing) this.onFailure(err);
  }
}

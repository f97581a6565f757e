import type { Worker } from "node:worker_threads";
import type { CompactionThread, FoldResult, OpenResult, WorkerRequest, WorkerResponse } from "./protocol.js";
import { StoredDocDamaged } from "../storage/store.js";
import { startWorker } from "../threads/start-worker.js";

type Folded = FoldResult;
type Answer = Extract<WorkerResponse, { ok: true }>;
/** A request without its id, kept a union so each kind keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

/**
 * The main thread's side of compaction: one worker per store, started on first use, one fold per
 * board at a time in this process (across instances, PostgreSQL's fold lock keeps to one). A
 * worker that dies fails what it was doing (the log keeps everything; the room tries again
 * later) and is replaced on the next request.
 */
export class Compactor {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(answer: Answer): void; reject(err: Error): void }>();
  private readonly running = new Map<string, Promise<Folded>>();
  private closed = false;

  constructor(
    /** The store's worker and what it connects to. */
    private readonly thread: CompactionThread,
    /** Called once the worker exists (SQLite: from then on it runs the WAL checkpoints too). */
    private readonly onStart: () => void = () => {},
  ) {}

  /** Folds the board's log through `throughSeq`; a fold under way for the board runs first. */
  async compact(boardKey: string, throughSeq: number): Promise<Folded> {
    for (;;) {
      const running = this.running.get(boardKey);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const job = this.send({ kind: "fold", boardKey, throughSeq })
      .then((answer) => ("fold" in answer ? answer.fold : Promise.reject(new Error("unexpected answer"))))
      .finally(() => this.running.delete(boardKey));
    this.running.set(boardKey, job);
    return job;
  }

  /** Reads and merges a board in the worker; undefined when there is no such board. */
  async open(boardKey: string): Promise<OpenResult | undefined> {
    const answer = await this.send({ kind: "open", boardKey });
    if (!("open" in answer)) throw new Error("unexpected answer");
    return answer.open;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("close");
    await exited;
  }

  private send(request: RequestBody): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error("the store is closed"));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    // Referenced while it works, so a shutdown waiting on a fold is not cut short; idle, it
    // must not keep the process alive.
    worker.ref();
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    }).finally(() => {
      if (this.pending.size === 0) worker.unref();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(import.meta.url, this.thread.entry, { workerData: this.thread.data });
    worker.on("message", (response: WorkerResponse) => {
      const waiter = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!waiter) return;
      if (response.ok) waiter.resolve(response);
      else if (response.damaged !== undefined) waiter.reject(new StoredDocDamaged(response.damaged));
      else waiter.reject(new Error(`document worker: ${response.message}`));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.pending.values()) waiter.reject(err);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the compaction worker exited with ${code}`)));
    worker.unref();
    this.worker = worker;
    this.onStart();
    return worker;
  }
}

import { parentPort } from "node:worker_threads";
import { DamagedDataError } from "./merge.js";
import type { FoldResult, OpenResult, WorkerRequest, WorkerResponse } from "./protocol.js";

/** What a store's worker does with each request, on its own connection to the store. */
export interface WorkerHandlers {
  fold(boardKey: string, throughSeq: number): FoldResult | Promise<FoldResult>;
  open(boardKey: string): OpenResult | undefined | Promise<OpenResult | undefined>;
  /** Once every request received has been answered. */
  close(): void | Promise<void>;
}

/**
 * A worker's side of the protocol, whatever store it reads: answers each request by id, and
 * turns damaged stored bytes into an answer the compactor rejects with `StoredDocDamaged`.
 * Requests may overlap when the handlers are asynchronous (PostgreSQL); the compactor already
 * keeps to one fold per board.
 */
export function serveWorkerRequests(handlers: WorkerHandlers): void {
  const port = parentPort!;
  const answering = new Set<Promise<void>>();
  port.on("message", (request: WorkerRequest | "close") => {
    if (request === "close") {
      void Promise.allSettled(answering)
        .then(() => handlers.close())
        .finally(() => port.close());
      return;
    }
    const job = answer(handlers, request).then(({ response, transfer }) => port.postMessage(response, transfer));
    answering.add(job);
    void job.finally(() => answering.delete(job));
  });
}

async function answer(handlers: WorkerHandlers, request: WorkerRequest): Promise<{ response: WorkerResponse; transfer: ArrayBuffer[] }> {
  try {
    switch (request.kind) {
      case "fold":
        return { response: { id: request.id, ok: true, fold: await handlers.fold(request.boardKey, request.throughSeq) }, transfer: [] };
      case "open": {
        const opened = await handlers.open(request.boardKey);
        // Moved, not copied: a large board's state is tens of megabytes.
        return { response: { id: request.id, ok: true, open: opened }, transfer: opened ? [opened.state.buffer as ArrayBuffer] : [] };
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (err) {
    const response: WorkerResponse = {
      id: request.id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      ...(err instanceof DamagedDataError ? { damaged: err.part } : {}),
    };
    return { response, transfer: [] };
  }
}

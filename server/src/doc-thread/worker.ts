/**
 * A large board's doc, in a thread of its own: the room on the event loop sends it updates to
 * apply and asks it for syncs and snapshots, so nothing proportional to the board's size (the
 * load's apply of tens of megabytes, the encodes) runs where every board is served.
 */
import { parentPort } from "node:worker_threads";
import { BoardDoc, UnreadableStateError } from "../rooms/board-doc.js";
import type { DocRequest, DocResponse } from "./protocol.js";
import { transferable } from "./transferable.js";
import { runInBackground } from "../threads/background-priority.js";

// Bulk work: it yields the cores to the event loop that serves everyone (see the function).
runInBackground();

let doc: BoardDoc | undefined;

function answer(request: DocRequest): unknown {
  if (request.kind === "load") {
    doc = new BoardDoc(request.state);
    return doc.elementCount;
  }
  if (!doc) throw new Error("no board loaded");
  switch (request.kind) {
    case "apply":
      return doc.apply(request.update);
    case "stateVector":
      return doc.stateVector();
    case "syncStep2":
      return doc.syncStep2(request.stateVector);
    case "snapshotEvent":
      return doc.snapshotEvent(request.eventId);
    case "whole":
      // A copy: the doc keeps its encoding for the next newcomer.
      return doc.whole().slice();
    default: {
      const unknown: never = request;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
}

parentPort!.on("message", (request: DocRequest) => {
  let response: DocResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const value = answer(request);
    transfer = transferable(value);
    response = { id: request.id, ok: true, value };
  } catch (err) {
    response = {
      id: request.id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      ...(err instanceof UnreadableStateError ? { unreadable: true } : {}),
    };
  }
  parentPort!.postMessage(response, transfer);
});

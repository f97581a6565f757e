/**
 * Opens a board the way a newcomer does, timed: an editor with nothing (a fresh browser), whose
 * sync step 2 is the whole board, and a viewer's `EventSource`-like GET, whose first event is
 * the whole board as a snapshot. Neither decodes what it gets: the bench process must not spend
 * seconds applying tens of megabytes on the cores the server and the load share.
 */
import { now } from "../cursors/clock.js";
import { isSyncStep2 } from "../cursors/protocol.js";
import { openWsSocket } from "../cursors/ws-socket.js";
import type { BenchBoard } from "../servers.js";

export interface Opened {
  /** From the socket's opening to the whole board's arrival. */
  editorMs: number | undefined;
  editorBytes: number;
  /** From the request to the end of the snapshot event. */
  viewerMs: number | undefined;
  viewerBytes: number;
  error: string | undefined;
}

/** Bigger than any answer an empty board's first sync or presence could be. */
const WHOLE_BOARD_MIN_BYTES = 100_000;

export async function openBoard(board: BenchBoard, timeoutMs: number): Promise<Opened> {
  const opened: Opened = { editorMs: undefined, editorBytes: 0, viewerMs: undefined, viewerBytes: 0, error: undefined };
  const began = now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const editor = new Promise<void>((resolve, reject) => {
    let close = (): void => {};
    openWsSocket(
      board.wsUrl,
      timeoutMs,
      (data, receivedAt) => {
        if (!isSyncStep2(data) || data.byteLength < WHOLE_BOARD_MIN_BYTES) return;
        opened.editorMs = receivedAt - began;
        opened.editorBytes = data.byteLength;
        close();
        resolve();
      },
      now,
    ).then((socket) => {
      close = () => socket.terminate();
      if (opened.editorMs !== undefined) close();
      abort.signal.addEventListener("abort", () => {
        socket.terminate();
        reject(new Error(`the editor had no whole board within ${timeoutMs} ms`));
      });
    }, reject);
  });
  const viewer = (async () => {
    const response = await fetch(board.eventsUrl, { headers: { accept: "text/event-stream" }, signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`the viewer's stream answered ${response.status}`);
    const reader = response.body.getReader();
    let sawSnapshot = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error("the viewer's stream ended before its snapshot");
      opened.viewerBytes += value.byteLength;
      // The snapshot is one event; its end is the first blank line once it has begun. Only the
      // start of each chunk is searched for its name, and only the tail for the blank line.
      if (!sawSnapshot) sawSnapshot = Buffer.from(value.subarray(0, 4096)).toString().includes("event: snapshot");
      if (sawSnapshot && opened.viewerBytes > WHOLE_BOARD_MIN_BYTES && Buffer.from(value.subarray(-2)).toString() === "\n\n") {
        opened.viewerMs = now() - began;
        await reader.cancel();
        return;
      }
    }
  })();
  const results = await Promise.allSettled([editor, viewer]);
  clearTimeout(timer);
  abort.abort();
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) opened.error = failure.reason instanceof Error ? failure.reason.message : String(failure.reason);
  return opened;
}

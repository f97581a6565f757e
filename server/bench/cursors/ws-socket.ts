import type { Socket } from "node:net";
import WebSocket from "ws";
import type { LoadSocket } from "./load-socket.js";
import { encodeEmptySyncStep1, encodeEmptySyncStep2, isSyncStep1 } from "./protocol.js";

const SYNC_STEP_1 = encodeEmptySyncStep1();
const SYNC_STEP_2 = encodeEmptySyncStep2();
const MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

/**
 * An observer's socket, on the `ws` client: observers decode every message, so they need whole
 * messages, and there are only a few of them. It does what a stock provider does first: sync
 * step 1 of its doc (empty unless `syncStep1` says otherwise), and a step 2 answer to the
 * server's step 1. Ready once the server has said anything, which means the room has the socket
 * attached (ours loads the room first).
 */
export function openWsSocket(
  url: string,
  timeoutMs: number,
  onMessage: (data: Uint8Array, receivedAt: number) => void,
  clock: () => number,
  syncStep1: Uint8Array = SYNC_STEP_1,
): Promise<LoadSocket> {
  return new Promise((resolve, reject) => {
    // No Origin header: a script, which SPEC allows; the board id is the capability.
    // `ws` refuses messages over 100 MiB by default; a first sync of a big board may come close.
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: MAX_MESSAGE_BYTES });
    let tcp: Socket | undefined;
    let answered = false;
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`no message from the server within ${timeoutMs} ms`)), timeoutMs);
    function fail(err: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    }
    const socket: LoadSocket = {
      get isOpen() {
        return ws.readyState === ws.OPEN;
      },
      send: (data) => ws.send(data),
      bytesRead: () => tcp?.bytesRead ?? 0,
      terminate: () => ws.terminate(),
      onClose: (listener) => ws.on("close", (code) => listener(code)),
    };
    ws.on("upgrade", (response) => {
      tcp = response.socket as Socket;
    });
    ws.on("unexpected-response", (_request, response) => fail(new Error(`upgrade refused: HTTP ${response.statusCode}`)));
    ws.on("error", (err) => fail(err));
    ws.on("open", () => ws.send(syncStep1));
    ws.on("message", (data, isBinary) => {
      const receivedAt = clock();
      if (!isBinary || !Buffer.isBuffer(data)) return;
      if (!answered && isSyncStep1(data)) {
        answered = true;
        ws.send(SYNC_STEP_2);
      }
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(socket);
      }
      onMessage(data, receivedAt);
    });
  });
}

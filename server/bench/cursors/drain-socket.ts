/**
 * An editor's socket: a minimal WebSocket client on a bare TCP socket. Editors must read all the
 * server sends (or the server would be held up by backpressure, and ours would drop them), but
 * they keep none of it: parsing 10^5 messages a second into Buffers and events, as the `ws`
 * client does, costs the load generator about as much CPU as the server spends sending them, on
 * a machine whose cores the server under test needs. This walks frame headers and skips payloads.
 */
import { createHash, randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { LoadSocket } from "./load-socket.js";
import { encodeEmptySyncStep1, encodeEmptySyncStep2, isSyncStep1 } from "./protocol.js";
import { encodeClientFrame, FrameScanner, OPCODE_BINARY, OPCODE_PONG } from "./ws-frames.js";

/** RFC 6455 1.3: the server proves it read our key by hashing it with this GUID. */
const HANDSHAKE_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const HEADER_END = Buffer.from("\r\n\r\n");
const NO_CLOSE_FRAME = 1006;

const SYNC_STEP_1 = encodeEmptySyncStep1();
const SYNC_STEP_2 = encodeEmptySyncStep2();

function handshakeRequest(url: URL, key: string): string {
  return (
    `GET ${url.pathname}${url.search} HTTP/1.1\r\n` +
    `Host: ${url.host}\r\n` +
    "Upgrade: websocket\r\nConnection: Upgrade\r\n" +
    `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`
  );
}

/**
 * Connects, upgrades, sends sync step 1 (of an empty doc unless `syncStep1` says otherwise) and
 * answers the server's step 1 as a stock provider does. Resolves once the server has sent its
 * first message: the room has the socket.
 */
export function openDrainSocket(rawUrl: string, timeoutMs: number, syncStep1: Uint8Array = SYNC_STEP_1): Promise<LoadSocket> {
  const url = new URL(rawUrl);
  const key = randomBytes(16).toString("base64");
  const expectedAccept = createHash("sha1").update(key + HANDSHAKE_GUID).digest("base64");
  return new Promise((resolve, reject) => {
    const tcp: Socket = connect({ host: url.hostname, port: Number(url.port) });
    tcp.setNoDelay(true);
    let upgraded = false;
    let settled = false;
    let answered = false;
    let closeCode = NO_CLOSE_FRAME;
    let closeListener: ((code: number) => void) | undefined;
    let head = Buffer.alloc(0);
    const timer = setTimeout(() => fail(new Error(`no message from the server within ${timeoutMs} ms`)), timeoutMs);

    function fail(err: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      tcp.destroy();
      reject(err);
    }
    const socket: LoadSocket = {
      get isOpen() {
        return upgraded && !tcp.destroyed;
      },
      send: (data) => {
        if (!tcp.destroyed) tcp.write(encodeClientFrame(OPCODE_BINARY, data));
      },
      bytesRead: () => tcp.bytesRead,
      terminate: () => tcp.destroy(),
      onClose: (listener) => (closeListener = listener),
    };
    const scanner = new FrameScanner({
      messageStart(prefix) {
        if (!answered && isSyncStep1(prefix)) {
          answered = true;
          socket.send(SYNC_STEP_2);
        }
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(socket);
        }
      },
      ping(payload) {
        if (!tcp.destroyed) tcp.write(encodeClientFrame(OPCODE_PONG, payload));
      },
      close(code) {
        closeCode = code;
        tcp.destroy();
      },
    });

    tcp.on("connect", () => tcp.write(handshakeRequest(url, key)));
    tcp.on("error", (err) => fail(err));
    tcp.on("close", () => {
      fail(new Error("the server closed the connection during the handshake"));
      closeListener?.(closeCode);
    });
    tcp.on("data", (chunk: Buffer) => {
      if (upgraded) return scanner.feed(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(HEADER_END);
      if (end < 0) return;
      const lines = head.subarray(0, end).toString("latin1").split("\r\n");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? "")?.[1];
      if (status !== "101") return fail(new Error(`upgrade refused: HTTP ${status ?? "?"}`));
      const accept = lines.find((l) => l.toLowerCase().startsWith("sec-websocket-accept:"))?.slice(21).trim();
      if (accept !== expectedAccept) return fail(new Error("upgrade answered with a wrong Sec-WebSocket-Accept"));
      upgraded = true;
      socket.send(syncStep1);
      const rest = head.subarray(end + HEADER_END.length);
      head = Buffer.alloc(0);
      if (rest.length > 0) scanner.feed(rest);
    });
  });
}

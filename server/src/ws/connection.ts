import type { Logger } from "pino";
import type { Duplex } from "node:stream";
import type { RawData, WebSocket } from "ws";
import { WS_CLOSE } from "@whiteboard/shared";
import type { RoomRegistry } from "../rooms/registry.js";
import type { EditorSession } from "../rooms/editor-session.js";
import type { Peer } from "../rooms/peer.js";
import type { ChannelCounters } from "../channels/channel-stats.js";
import { TokenBucket } from "./rate-limiter.js";

export interface ConnectionLimits {
  messagesPerSecond: number;
  messageBurst: number;
  maxBufferedBytes: number;
  pingIntervalMs: number;
}

/** What serving one editor needs beyond its socket: the rooms, the limits, the log, the counters. */
export interface EditorDeps {
  registry: RoomRegistry;
  limits: ConnectionLimits;
  logger: Logger;
  counters: ChannelCounters;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Adapts one editor's WebSocket to a room session, enforcing what belongs to the transport: the
 * message rate, binary frames only, the outgoing buffer bound and the keep-alive. (The frame size
 * is enforced by `ws` itself, which closes with 1009.) Whatever goes wrong closes this socket
 * only.
 */
export async function serveEditor(
  ws: WebSocket,
  /** The upgraded connection under `ws`: corked around a batch, so its frames leave in one write. */
  socket: Duplex,
  boardId: string,
  { registry, limits, logger, counters }: EditorDeps,
  /** `registry.mark()` from before the capability check. */
  mark?: number,
): Promise<void> {
  const log = logger.child({ boardId });
  const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
  // Frames that arrive while the room loads are held, in order, until the session exists.
  const early: Uint8Array[] = [];
  let session: EditorSession | undefined;
  let closed = false;

  // The bound applies beyond the largest single write so far: the first sync of a large board
  // is one message of tens of megabytes, and an editor still receiving it is not slow. It is
  // checked before each write, not between the messages of one: a batch corked together sits
  // in the buffer whole until it is uncorked, which says nothing about the reader.
  let allowance = 0;
  const write = (messages: readonly Uint8Array[]) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes + allowance) {
      // It is not reading: a close frame would queue behind the rest, so cut it off.
      log.warn({ buffered: ws.bufferedAmount }, "editor not reading; dropping it");
      ws.terminate();
      return;
    }
    allowance = Math.max(allowance, messages.reduce((sum, message) => sum + message.byteLength, 0));
    counters.editorSent(messages);
    if (messages.length === 1) {
      ws.send(messages[0]!);
      return;
    }
    socket.cork();
    try {
      for (const message of messages) ws.send(message);
    } finally {
      socket.uncork();
    }
  };
  const peer: Peer = {
    send: (message) => write([message]),
    sendAll: write,
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
  };

  const reject = (code: number, reason: string) => {
    log.info({ code, reason }, "closing editor connection");
    peer.close(code, reason);
    session?.leave();
  };

  const handle = (frame: Uint8Array) => {
    const rejection = session!.handle(frame);
    if (rejection) reject(rejection.code, rejection.reason);
  };

  ws.on("message", (data, isBinary) => {
    if (closed || ws.readyState !== ws.OPEN) return;
    if (!bucket.take()) return reject(WS_CLOSE.policyViolation, "too many messages");
    if (!isBinary) return reject(WS_CLOSE.invalidData, "expected binary y-websocket messages");
    const frame = toBytes(data);
    counters.editorReceived(frame.byteLength);
    if (session) handle(frame);
    else early.push(frame);
  });

  let alive = true;
  ws.on("pong", () => (alive = true));
  const ping = setInterval(() => {
    if (!alive) {
      log.info("editor stopped answering pings; dropping it");
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, limits.pingIntervalMs);

  ws.on("error", (err) => log.debug({ err }, "editor socket error"));
  counters.editorOpened();
  ws.on("close", () => {
    counters.editorClosed();
    closed = true;
    clearInterval(ping);
    session?.leave();
  });

  session = await registry.joinEditor(boardId, peer, mark);
  if (!session) {
    // The server is stopping (reconnect later), or the board was deleted or its links reset
    // since the upgrade check.
    const retired = mark === undefined ? undefined : registry.retiredSince(boardId, mark);
    if (registry.isClosed) peer.close(WS_CLOSE.goingAway, "server shutting down");
    else if (registry.damage(boardId) !== undefined) peer.close(WS_CLOSE.boardDamaged, "board data damaged");
    else if (retired === WS_CLOSE.linksReset) peer.close(retired, "links reset");
    else peer.close(WS_CLOSE.boardDeleted, "board not found");
    return;
  }
  if (closed) {
    session.leave();
    return;
  }
  for (const frame of early.splice(0)) {
    if (ws.readyState !== ws.OPEN) break;
    handle(frame);
  }
}

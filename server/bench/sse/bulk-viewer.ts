/**
 * A bulk viewer: a raw HTTP/1.1 request for the event stream on a bare TCP socket, read into one
 * buffer the whole process shares and never kept. Ten thousand of these must cost the load
 * processes far less CPU than the server spends writing to them, on a machine whose cores the
 * server needs: no HTTP parser, no per-chunk Buffer, just a byte count.
 */
import { connect } from "node:net";
import { errorKind, type StreamTarget, type ViewerConnection } from "./viewer-connection.js";

/** Read into and overwritten by every bulk socket of the process; nothing reads it back. */
const SCRATCH = Buffer.alloc(64 * 1024);
const OK_STATUS = "HTTP/1.1 200 ";

function request(target: StreamTarget): string {
  return (
    `GET ${target.path} HTTP/1.1\r\n` +
    `Host: ${target.host}:${target.port}\r\n` +
    "Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
  );
}

/** Resolves once the server has answered 200 and written the stream's first bytes. */
export function openBulkViewer(target: StreamTarget, timeoutMs: number): Promise<ViewerConnection> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let settled = false;
    let destroyed = false;
    let endListener: (() => void) | undefined;
    const timer = setTimeout(() => failWith(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const socket = connect({
      host: target.host,
      port: target.port,
      localAddress: target.localAddress,
      onread: {
        buffer: SCRATCH,
        callback: (nread) => {
          if (!settled) {
            // Headers come in one write with the first event (the server writes them together).
            const head = SCRATCH.toString("latin1", 0, Math.min(nread, OK_STATUS.length + 3));
            if (!head.startsWith(OK_STATUS)) {
              failWith(new Error(`HTTP ${head.slice(9, 12) || "?"}`));
              return false;
            }
            settled = true;
            clearTimeout(timer);
            resolve(connection);
          }
          bytes += nread;
          return true;
        },
      },
    });
    const connection: ViewerConnection = {
      bytesRead: () => bytes,
      onEnd: (listener) => (endListener = listener),
      destroy: () => {
        destroyed = true;
        socket.destroy();
      },
    };
    function failWith(err: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    }
    socket.on("connect", () => socket.write(request(target)));
    socket.on("error", (err) => failWith(new Error(errorKind(err))));
    socket.on("close", () => {
      failWith(new Error("closed before answering"));
      if (!destroyed) endListener?.();
    });
  });
}

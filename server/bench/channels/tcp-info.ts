/**
 * What the kernel counted on each client socket, read with `ss -tin` (iproute2): bytes and TCP
 * segments each way, so a figure includes the HTTP and WebSocket framing, the headers, the
 * handshakes and the bare ACKs that no application-level counter sees. Read on the client's end
 * of each loopback connection: what it received is what the server wrote.
 */
import { execFile } from "node:child_process";
import type { Socket } from "node:net";
import { promisify } from "node:util";
import type { Origin } from "./shared-board.js";

const run = promisify(execFile);

export interface TcpCounters {
  /** Payload bytes this (client) end sent: the server read them. */
  bytesSent: number;
  /** Payload bytes this end received: the server wrote them. */
  bytesReceived: number;
  /** Segments this end sent, SYN, FIN and bare ACKs included. */
  segsOut: number;
  segsIn: number;
}

/** Client ends of connections, by `address:port` of the client. */
export type TcpSnapshot = ReadonlyMap<string, TcpCounters>;

export const NO_TRAFFIC: TcpCounters = { bytesSent: 0, bytesReceived: 0, segsOut: 0, segsIn: 0 };

/** ss prints nothing for a counter still at zero. */
function counter(info: string, name: string): number {
  const match = new RegExp(`\\b${name}:(\\d+)`).exec(info);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/** `ss -tinH`: a line `Recv-Q Send-Q local peer`, then an indented line of tcp_info fields. */
function parse(output: string): Map<string, TcpCounters> {
  const sockets = new Map<string, TcpCounters>();
  let local: string | undefined;
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      local = line.trim().split(/\s+/).find((field) => /:\d+$/.test(field));
      continue;
    }
    if (local === undefined) continue;
    sockets.set(local, {
      bytesSent: counter(line, "bytes_sent"),
      bytesReceived: counter(line, "bytes_received"),
      segsOut: counter(line, "segs_out"),
      segsIn: counter(line, "segs_in"),
    });
    local = undefined;
  }
  return sockets;
}

/** How a snapshot names a client socket: `address:port` of its end; undefined once it is gone. */
export function socketKey(socket: Socket | undefined): string | undefined {
  return socket === undefined || socket.destroyed ? undefined : `${socket.localAddress}:${socket.localPort}`;
}

/**
 * Every connected client socket whose peer is the server's address and port. By address too, not
 * the port alone: a client bound to 127.0.0.5 may draw the server's port number as its own, and
 * the server's end of that connection would then pass for a client's.
 */
export async function tcpSnapshot(server: Origin): Promise<TcpSnapshot> {
  try {
    const { stdout } = await run("ss", ["-tinH", "state", "connected", "dst", `${server.host}:${server.port}`], { maxBuffer: 256 * 1024 * 1024 });
    return parse(stdout);
  } catch (err) {
    throw new Error(`ss -tin failed (is iproute2 installed?): ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function addCounters(a: TcpCounters, b: TcpCounters): TcpCounters {
  return { bytesSent: a.bytesSent + b.bytesSent, bytesReceived: a.bytesReceived + b.bytesReceived, segsOut: a.segsOut + b.segsOut, segsIn: a.segsIn + b.segsIn };
}

export function subtractCounters(after: TcpCounters, before: TcpCounters): TcpCounters {
  return {
    bytesSent: after.bytesSent - before.bytesSent,
    bytesReceived: after.bytesReceived - before.bytesReceived,
    segsOut: after.segsOut - before.segsOut,
    segsIn: after.segsIn - before.segsIn,
  };
}

export function scaleCounters(c: TcpCounters, factor: number): TcpCounters {
  return { bytesSent: c.bytesSent * factor, bytesReceived: c.bytesReceived * factor, segsOut: c.segsOut * factor, segsIn: c.segsIn * factor };
}

export interface Traffic {
  total: TcpCounters;
  /** Open at the start and gone at the end: what they carried after the first reading is lost. */
  closed: number;
}

/**
 * What the sockets in `keys` (all of them when absent, less `exclude`) carried between two
 * snapshots. A socket opened in between counts from zero, as its counters did.
 */
export function trafficBetween(
  before: TcpSnapshot,
  after: TcpSnapshot,
  select: { keys?: Iterable<string>; exclude?: ReadonlySet<string> } = {},
): Traffic {
  const keys = select.keys === undefined ? new Set([...before.keys(), ...after.keys()]) : new Set(select.keys);
  let total = NO_TRAFFIC;
  let closed = 0;
  for (const key of keys) {
    if (select.exclude?.has(key)) continue;
    const end = after.get(key);
    if (end === undefined) {
      if (before.has(key)) closed++;
      continue;
    }
    total = addCounters(total, subtractCounters(end, before.get(key) ?? NO_TRAFFIC));
  }
  return { total, closed };
}

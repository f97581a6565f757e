/**
 * A gallery's poller, as the page does it: `GET /api/library` with the member cookie and, once it
 * has one, `If-None-Match` with the list's ETag, on a keep-alive connection of its own (a
 * browser's to its origin), reading the whole body. Its requests carry only those headers: a
 * browser adds its own (User-Agent, Accept-*, Sec-Fetch-*), so its requests are larger.
 */
import { Agent, request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { now } from "../cursors/clock.js";
import { httpCall, memberCookie, type Origin } from "./shared-board.js";
import { socketKey } from "./tcp-info.js";

export interface PollOutcome {
  status: number;
  startedAt: number;
  endedAt: number;
}

/**
 * Keep-alive without TCP keepalive probes: Node's agent turns them on a second after a socket
 * goes idle (then one a second), a browser's after 45 s; either is a bare packet and its ACK,
 * and Node's would fill an idle minute with a hundred of them that no page sends.
 */
class PageAgent extends Agent {
  constructor() {
    super({ keepAlive: true, maxSockets: 1 });
  }

  override keepSocketAlive(socket: Duplex): void {
    // Node keeps the socket only if this returns true (its typings say void): pass super's answer on.
    const keep: unknown = super.keepSocketAlive(socket);
    (socket as Socket).setKeepAlive(false);
    return keep as void;
  }
}

export class Poller {
  private agent = new PageAgent();
  private cookie: string | undefined;
  private etag: string | undefined;
  private socket: Socket | undefined;
  /** Connections this poller opened (a server that closed an idle one shows as more than one). */
  connections = 0;

  constructor(
    private readonly origin: Origin,
    private readonly localAddress?: string,
  ) {}

  /** Becomes a member of the shared library (the server sets the member cookie). */
  async join(invite: string): Promise<void> {
    const answer = await httpCall(this.origin, "POST", "/api/libraries/join", { json: { invite }, localAddress: this.localAddress });
    if (answer.status !== 200 || answer.cookie === undefined) throw new Error(`join: HTTP ${answer.status}`);
    this.cookie = answer.cookie;
  }

  /** `address:port` of its connection's client end, once it has one. */
  socketKey(): string | undefined {
    return socketKey(this.socket);
  }

  poll(): Promise<PollOutcome> {
    const startedAt = now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.origin.host,
          port: this.origin.port,
          path: "/api/library",
          agent: this.agent,
          localAddress: this.localAddress,
          headers: {
            ...(this.cookie === undefined ? {} : { Cookie: this.cookie }),
            ...(this.etag === undefined ? {} : { "If-None-Match": this.etag }),
          },
        },
        (res) => {
          res.on("data", () => undefined);
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const etag = res.headers.etag;
            if (status === 200 && typeof etag === "string") this.etag = etag;
            this.cookie = memberCookie(res.headers["set-cookie"]) ?? this.cookie;
            resolve({ status, startedAt, endedAt: now() });
          });
          res.on("error", reject);
        },
      );
      req.on("socket", (socket: Socket) => {
        if (socket === this.socket) return;
        this.socket = socket;
        this.connections++;
      });
      req.on("error", reject);
      req.end();
    });
  }

  /** Drops the connection (a laptop lid closed, a network gone); the next poll opens a new one. */
  drop(): void {
    this.agent.destroy();
    this.agent = new PageAgent();
  }

  close(): void {
    this.agent.destroy();
  }
}

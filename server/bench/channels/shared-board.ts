/**
 * A board in a shared library, as a team gallery has it: one member (the host) creates the
 * library and the board in it; every poller joins with the invite and so sees the board in its
 * list. Set-up requests go over node:http on connections of their own that close after each
 * answer, so no idle keep-alive socket of the coordinator's sits among the clients `ss` counts.
 */
import { request } from "node:http";
import { MEMBER_COOKIE } from "@whiteboard/shared";
import type { ServerUnderTest } from "../servers.js";

export interface HttpAnswer {
  status: number;
  body: string;
  /** `name=value` of the member cookie the server set, if it set one. */
  cookie: string | undefined;
}

export interface Origin {
  host: string;
  port: number;
}

/** The member cookie as a request sends it back, from a response's `Set-Cookie` headers. */
export function memberCookie(setCookie: readonly string[] | undefined): string | undefined {
  return setCookie?.map((line) => line.split(";")[0] ?? "").find((pair) => pair.startsWith(`${MEMBER_COOKIE}=`));
}

export function httpCall(
  origin: Origin,
  method: string,
  path: string,
  options: { json?: unknown; cookie?: string; localAddress?: string } = {},
): Promise<HttpAnswer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: origin.host,
        port: origin.port,
        method,
        path,
        agent: false,
        localAddress: options.localAddress,
        headers: {
          Connection: "close",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(options.cookie === undefined ? {} : { Cookie: options.cookie }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), cookie: memberCookie(res.headers["set-cookie"]) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function field(answer: HttpAnswer, what: string, name: string): string {
  const parsed: unknown = JSON.parse(answer.body);
  const value = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
  if (typeof value !== "string") throw new Error(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  return value;
}

export interface SharedBoard extends Origin {
  /** Where an editor of the board connects. */
  wsUrl: string;
  /** The viewers' event stream. */
  eventsPath: string;
  /** Joins the library (POST /api/libraries/join), which makes a browser a member who sees the board. */
  invite: string;
  /** The host member's cookie. */
  hostCookie: string;
}

/** Where our server listens, from the editor URL startOurs gives (`ws://HOST:PORT/ws/<id>`). */
export function originOf(server: ServerUnderTest): Origin {
  const url = new URL(server.wsUrl);
  return { host: url.hostname, port: Number(url.port) };
}

export async function createSharedBoard(server: ServerUnderTest): Promise<SharedBoard> {
  const origin = originOf(server);
  const library = await httpCall(origin, "POST", "/api/libraries", { json: { name: "bench" } });
  const hostCookie = library.cookie;
  if (library.status !== 201 || hostCookie === undefined) throw new Error(`POST /api/libraries: HTTP ${library.status} ${library.body.slice(0, 200)}`);
  const libraryId = field(library, "POST /api/libraries", "id");
  const invite = field(library, "POST /api/libraries", "invite");
  const board = await httpCall(origin, "POST", "/api/boards", { json: { name: "bench board", libraryId }, cookie: hostCookie });
  const id = field(board, "POST /api/boards", "id");
  const viewId = field(board, "POST /api/boards", "viewId");
  return { ...origin, wsUrl: `ws://${origin.host}:${origin.port}/ws/${id}`, eventsPath: `/api/view/${viewId}/events`, invite, hostCookie };
}

/**
 * Our server, started fresh in its own process by the cursor bench's `startOurs` (which also
 * creates the board), plus what a viewer needs: the board's view id, from `GET /api/boards/:id`.
 */
import { startOurs, type ServerUnderTest } from "../servers.js";

export interface BoardServer {
  server: ServerUnderTest;
  host: string;
  port: number;
  /** Where an editor of the board connects. */
  wsUrl: string;
  /** The viewers' event stream of the same board. */
  eventsPath: string;
}

async function viewIdOf(httpBase: string, boardId: string): Promise<string> {
  const response = await fetch(`${httpBase}/api/boards/${boardId}`);
  const body: unknown = await response.json();
  if (response.status !== 200 || typeof body !== "object" || body === null || !("viewId" in body) || typeof body.viewId !== "string") {
    throw new Error(`GET /api/boards/:id: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.viewId;
}

export async function startBoardServer(repoRoot: string): Promise<BoardServer> {
  const server = await startOurs(repoRoot);
  try {
    // startOurs gives `ws://HOST:PORT/ws/<board id>`; the HTTP API is on the same port.
    const url = new URL(server.wsUrl);
    const boardId = /^\/ws\/([^/]+)$/.exec(url.pathname)?.[1];
    if (boardId === undefined) throw new Error(`unexpected editor URL ${server.wsUrl}`);
    const viewId = await viewIdOf(`http://${url.host}`, boardId);
    return { server, host: url.hostname, port: Number(url.port), wsUrl: server.wsUrl, eventsPath: `/api/view/${viewId}/events` };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

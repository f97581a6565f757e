import type { FastifyInstance } from "fastify";
import {
  type Board,
  DEFAULT_BOARD_NAME,
  createBoardSchema,
  isWellFormedId,
  renameBoardSchema,
} from "@whiteboard/shared";
import type { BoardRecord, Store } from "../storage/store.js";
import type { LiveBoards } from "../rooms/live-boards.js";
import { parseBody, sendError } from "./errors.js";
import { etagMatches } from "./etag.js";

export interface BoardsRouteDeps {
  store: Store;
  live: LiveBoards;
  /** Differs per server process, so an ETag never survives a restart whose live counts reset. */
  bootId: string;
}

const NO_SUCH_BOARD = "No board with this id.";

/** The boards API: CRUD plus the gallery's conditional list. */
export function registerBoards(app: FastifyInstance, { store, live, bootId }: BoardsRouteDeps): void {
  const toBoard = (record: BoardRecord): Board => ({ ...record, ...live.counts(record.id) });

  app.post("/api/boards", async (request, reply) => {
    const parsed = parseBody(createBoardSchema, request.body ?? {});
    if (!parsed.ok) return sendError(reply, "bad_request", parsed.message);
    const record = await store.createBoard(parsed.value.name ?? DEFAULT_BOARD_NAME);
    return reply.code(201).send(toBoard(record));
  });

  app.get("/api/boards", async (request, reply) => {
    // Versions are read before the list: should a write land in between, the client gets a
    // newer list under an older tag and simply receives it again on its next poll. The other
    // order could pin a stale list under a current tag.
    const etag = `"${await store.listVersion()}.${bootId}.${live.version()}"`;
    reply.header("ETag", etag).header("Cache-Control", "no-cache");
    if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    const boards = (await store.listBoards()).map(toBoard);
    return { boards };
  });

  app.get<{ Params: { id: string } }>("/api/boards/:id", async (request, reply) => {
    const { id } = request.params;
    const record = isWellFormedId(id) ? await store.getBoard(id) : undefined;
    if (!record) return sendError(reply, "not_found", NO_SUCH_BOARD);
    return toBoard(record);
  });

  app.patch<{ Params: { id: string } }>("/api/boards/:id", async (request, reply) => {
    const { id } = request.params;
    if (!isWellFormedId(id)) return sendError(reply, "not_found", NO_SUCH_BOARD);
    const parsed = parseBody(renameBoardSchema, request.body);
    if (!parsed.ok) return sendError(reply, "bad_request", parsed.message);
    const record = await store.renameBoard(id, parsed.value.name);
    if (!record) return sendError(reply, "not_found", NO_SUCH_BOARD);
    return toBoard(record);
  });

  app.delete<{ Params: { id: string } }>("/api/boards/:id", async (request, reply) => {
    const { id } = request.params;
    const deleted = isWellFormedId(id) && (await store.deleteBoard(id));
    if (!deleted) return sendError(reply, "not_found", NO_SUCH_BOARD);
    live.boardDeleted(id);
    return reply.code(204).send();
  });
}

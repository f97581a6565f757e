import type { FastifyInstance } from "fastify";
import { DEFAULT_BOARD_NAME, WS_CLOSE, createBoardSchema, renameBoardSchema } from "@whiteboard/shared";
import { parseBody, sendError } from "./errors.js";
import { grantFor } from "./edge.js";
import { toBoard } from "./board-json.js";
import type { RouteDeps } from "./route-deps.js";

type ById = { Params: { id: string } };

/** The boards API: create into a library, read, rename, trash and restore, reset links. */
export function registerBoards(app: FastifyInstance, deps: RouteDeps): void {
  const { store, live, members, capabilities } = deps;

  app.post("/api/boards", async (request, reply) => {
    const parsed = parseBody(createBoardSchema, request.body ?? {});
    if (!parsed.ok) return sendError(reply, "bad_request", parsed.message);
    const member = await members.ensure(request, reply);
    let libraryId = member.personalLibraryId;
    if (parsed.value.libraryId !== undefined) {
      // A library id is not a capability: the caller must belong to it.
      const membership = await store.membership(member.key, parsed.value.libraryId);
      if (!membership) return sendError(reply, "not_found", "libraryId: no such library of yours.");
      libraryId = membership.libraryId;
    }
    const record = await store.createBoard(parsed.value.name ?? DEFAULT_BOARD_NAME, libraryId);
    return reply.code(201).send(toBoard(record, live));
  });

  app.get<ById>("/api/boards/:id", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.id, "edit");
    return grant && toBoard(grant.board, live);
  });

  app.patch<ById>("/api/boards/:id", async (request, reply) => {
    // The id first: an unknown board is 404 whatever the body says.
    const grant = await grantFor(capabilities, request, reply, request.params.id, "edit");
    if (!grant) return reply;
    const parsed = parseBody(renameBoardSchema, request.body);
    if (!parsed.ok) return sendError(reply, "bad_request", parsed.message);
    const record = await store.renameBoard(grant.board.key, parsed.value.name);
    if (!record) return sendError(reply, "not_found", "No board with this id.");
    return toBoard(record, live);
  });

  app.delete<ById>("/api/boards/:id", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.id, "edit");
    if (!grant) return reply;
    if (!(await store.trashBoard(grant.board.key))) return sendError(reply, "not_found", "No board with this id.");
    await live.boardGone(grant.board.key, WS_CLOSE.boardDeleted);
    return reply.code(204).send();
  });

  app.post<ById>("/api/boards/:id/restore", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.id, "edit-including-trash");
    if (!grant) return reply;
    const { board } = grant;
    // Restoring a board that is not in the trash changes nothing and says so with the board.
    const restored = board.deletedAt === undefined ? board : await store.restoreBoard(board.key);
    if (!restored) return sendError(reply, "not_found", "No board with this id.");
    return toBoard(restored, live);
  });

  app.post<ById>("/api/boards/:id/reset-links", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.id, "edit");
    if (!grant) return reply;
    const member = await members.ensure(request, reply);
    const record = await store.resetLinks(grant.board.key, member);
    if (!record) return sendError(reply, "not_found", "No board with this id.");
    await live.boardGone(record.key, WS_CLOSE.linksReset);
    return toBoard(record, live);
  });
}


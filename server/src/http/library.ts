import type { FastifyInstance } from "fastify";
import { type Library, type LibraryEntry, PERSONAL_LIBRARY_NAME, type TrashEntry, isWellFormedId } from "@whiteboard/shared";
import type { EntryRecord, MembershipRecord } from "../storage/store.js";
import type { LiveBoards } from "../rooms/live-boards.js";
import { sendError } from "./errors.js";
import { etagMatches } from "./etag.js";
import { grantFor } from "./edge.js";
import { toEntry, toTrashEntry } from "./board-json.js";
import type { RouteDeps } from "./route-deps.js";

/**
 * The saved-boards list, per member: `GET /api/library` is what the gallery polls every minute,
 * so a poll that finds nothing new costs two indexed reads (the member, their libraries'
 * versions) and a 304.
 */
export function registerLibrary(app: FastifyInstance, deps: RouteDeps): void {
  const { store, live, members, capabilities, etags, counters } = deps;

  // Counted as sent, once serialised: the bytes a poll costs are what `GET /api/channels` shows.
  const countPoll = async (_request: unknown, reply: { statusCode: number }, payload: unknown) => {
    counters.polled(reply.statusCode, typeof payload === "string" || Buffer.isBuffer(payload) ? Buffer.byteLength(payload) : 0);
    return payload;
  };

  app.get("/api/library", { onSend: countPoll }, async (request, reply) => {
    // A browser that never saved anything has nothing to list, and is not made a member for
    // asking: a page on another site could otherwise fill the database one request at a time.
    // Its personal library has no id until its first change makes one.
    const member = (await members.known(request)) && (await members.ensure(request, reply));
    reply.header("Cache-Control", "private, no-cache").header("Vary", "Cookie");
    if (!member) {
      const etag = etags.etag([]);
      reply.header("ETag", etag);
      if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
      const empty: Library = { id: "", name: PERSONAL_LIBRARY_NAME, personal: true, boards: [], trash: [] };
      return { libraries: [empty] };
    }
    // Versions are read before the entries: should a write land in between, the client gets a
    // newer list under an older tag and simply receives it again on its next poll. The other
    // order could pin a stale list under a current tag.
    const memberships = await store.memberships(member.key);
    const etag = etags.etag(memberships);
    reply.header("ETag", etag);
    if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    const entries = await store.entries(member.key);
    return { libraries: memberships.map((m) => libraryJson(m, entries, live)) };
  });

  app.put<{ Params: { capability: string } }>("/api/library/boards/:capability", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.capability, "edit-or-view");
    if (!grant) return reply;
    const member = await members.ensure(request, reply);
    const role = await store.addEntry(member.personalLibraryId, grant.board.key, grant.role);
    // The entry shows the role the library holds, which an earlier edit id may have made higher
    // than this capability's; it never shows more than the library already had.
    return toEntry(grant.board, role, live);
  });

  app.delete<{ Params: { libraryId: string; viewId: string } }>("/api/library/:libraryId/boards/:viewId", async (request, reply) => {
    const { libraryId, viewId } = request.params;
    const member = await members.known(request);
    const membership = member && isWellFormedId(libraryId) ? await store.membership(member.key, libraryId) : undefined;
    if (!membership) return sendError(reply, "not_found", "No such library of yours.");
    if (!isWellFormedId(viewId) || !(await store.removeEntry(membership.libraryId, viewId))) {
      return sendError(reply, "not_found", "No such board in this library.");
    }
    return reply.code(204).send();
  });
}

/** One library's JSON: its live boards newest first (as the store sorted them), and its trash. */
export function libraryJson(membership: MembershipRecord, entries: readonly EntryRecord[], live: LiveBoards): Library {
  const boards: LibraryEntry[] = [];
  const trash: TrashEntry[] = [];
  for (const entry of entries) {
    if (entry.libraryId !== membership.libraryId) continue;
    const { board } = entry;
    if (board.deletedAt === undefined) boards.push(toEntry(board, entry.role, live));
    else if (entry.role === "edit") trash.push(toTrashEntry({ ...board, deletedAt: board.deletedAt }));
  }
  return {
    id: membership.libraryId,
    name: membership.name,
    personal: membership.personal,
    ...(membership.invite !== undefined ? { invite: membership.invite } : {}),
    boards,
    trash,
  };
}

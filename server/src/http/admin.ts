import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sameToken } from "../access/secrets.js";
import { sendError } from "./errors.js";
import { toBoard } from "./board-json.js";
import type { RouteDeps } from "./route-deps.js";

/**
 * Operators' views, behind `Authorization: Bearer <ADMIN_TOKEN>`: every board (SPEC), and the
 * shared libraries with their invites (how an operator hands out "Existing boards" after the
 * upgrade). Without a configured token the routes do not exist (404), so nothing reveals
 * whether a server has them.
 */
export function registerAdmin(app: FastifyInstance, deps: RouteDeps, adminToken: string | undefined): void {
  const { store, live } = deps;

  function authorized(request: FastifyRequest, reply: FastifyReply): boolean {
    if (adminToken === undefined) {
      sendError(reply, "not_found");
      return false;
    }
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? "");
    if (match && sameToken(match[1]!, adminToken)) return true;
    reply.header("WWW-Authenticate", "Bearer");
    sendError(reply, "unauthorized");
    return false;
  }

  app.get("/api/boards", async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    return { boards: (await store.listBoards()).map((record) => toBoard(record, live)) };
  });

  app.get("/api/admin/libraries", async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    return { libraries: await store.sharedLibraries() };
  });
}

import type { FastifyInstance } from "fastify";
import type { ViewInfo } from "@whiteboard/shared";
import { grantFor } from "./edge.js";
import type { RouteDeps } from "./route-deps.js";

/** The viewer's metadata. Built field by field, so the edit `id` cannot slip in with a spread. */
export function registerView(app: FastifyInstance, { capabilities }: RouteDeps): void {
  app.get<{ Params: { viewId: string } }>("/api/view/:viewId", async (request, reply) => {
    const grant = await grantFor(capabilities, request, reply, request.params.viewId, "view");
    if (!grant) return reply;
    const info: ViewInfo = { viewId: grant.board.viewId, name: grant.board.name, updatedAt: grant.board.updatedAt };
    return info;
  });
}

import type { FastifyInstance } from "fastify";
import { type ViewInfo, isWellFormedId } from "@whiteboard/shared";
import type { Store } from "../storage/store.js";
import { sendError } from "./errors.js";

/** The viewer's metadata. Built field by field, so the edit `id` cannot slip in with a spread. */
export function registerView(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { viewId: string } }>("/api/view/:viewId", async (request, reply) => {
    const { viewId } = request.params;
    const record = isWellFormedId(viewId) ? await store.getBoardByViewId(viewId) : undefined;
    if (!record) return sendError(reply, "not_found", "No board with this view id.");
    const info: ViewInfo = { viewId: record.viewId, name: record.name, updatedAt: record.updatedAt };
    return info;
  });
}

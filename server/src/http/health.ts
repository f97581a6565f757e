import type { FastifyInstance } from "fastify";

/** Liveness only: answers without touching storage, so a slow disk never fails a health check. */
export function registerHealth(app: FastifyInstance): void {
  app.get("/healthz", async () => ({ ok: true }));
}

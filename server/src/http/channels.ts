import type { FastifyInstance } from "fastify";
import type { ChannelCounters } from "../channels/channel-stats.js";

/**
 * `GET /api/channels`: this instance's connections and traffic per channel, for anyone (it names
 * nothing but counts). Not cached: it is read live by an open "How this works" panel.
 */
export function registerChannels(app: FastifyInstance, counters: ChannelCounters): void {
  app.get("/api/channels", async (_request, reply) => {
    reply.header("Cache-Control", "no-store");
    return counters.snapshot();
  });
}

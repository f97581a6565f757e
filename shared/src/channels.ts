import { z } from "zod";

/**
 * The three channels and why each job got its own: one line per channel from the lesson's
 * decision rule, shown by the "How this works" panel and restated with figures in
 * docs/channels.md.
 */
export const CHANNELS = ["websocket", "sse", "polling"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_REASONS: Record<Channel, string> = {
  websocket:
    "WebSocket: an editor sends strokes and cursor moves as often as it receives others', so it needs one full-duplex connection.",
  sse: "Server-Sent Events: a viewer only listens; a one-way HTTP stream that the browser's EventSource resumes by itself is enough.",
  polling:
    "Polling every 60 s: the saved-boards list changes rarely and nobody waits on it; a 304 costs next to nothing when nothing changed.",
};

const count = z.number().int().nonnegative();

/**
 * `GET /api/channels`: this instance's connections and traffic per channel since it started.
 * Aggregate numbers only: no board, library or member is named. Bytes are payload bytes as the
 * server wrote or read them (WebSocket message payloads, SSE event text, response bodies), not
 * TCP or TLS framing.
 */
export const channelStatsSchema = z.strictObject({
  websocket: z.strictObject({
    open: count,
    opened: count,
    messagesIn: count,
    messagesOut: count,
    bytesIn: count,
    bytesOut: count,
  }),
  sse: z.strictObject({
    open: count,
    opened: count,
    messagesOut: count,
    bytesOut: count,
  }),
  polling: z.strictObject({
    requests: count,
    notModified: count,
    bytesOut: count,
  }),
});
export type ChannelStats = z.infer<typeof channelStatsSchema>;

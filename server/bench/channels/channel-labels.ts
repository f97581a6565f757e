import type { ChannelKind } from "./client-messages.js";

/** How the tables name each channel: by the client that uses it in this product. */
export const CHANNEL_LABEL: Record<ChannelKind, string> = {
  websocket: "WebSocket (editor)",
  sse: "SSE (viewer)",
  polling: "polling (gallery)",
};

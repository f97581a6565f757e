import { type ChannelStats, channelStatsSchema } from "@whiteboard/shared";
import { readBody, request } from "./request";

/** This server instance's traffic per channel since it started (aggregate numbers only). */
export async function fetchChannelStats(signal?: AbortSignal): Promise<ChannelStats> {
  const response = await request("/api/channels", { cache: "no-store", ...(signal ? { signal } : {}) });
  return readBody(response, channelStatsSchema);
}

import { useCallback, useState } from "react";
import type { ChannelStats } from "@whiteboard/shared";
import { fetchChannelStats } from "../api/channels-api";
import { usePoller } from "../gallery/use-poller";

/** Often enough to watch the server's totals move beside the page's own, rare enough to stay out of them. */
const SERVER_STATS_INTERVAL_MS = 2000;

export type ServerChannelStats = { state: "loading" } | { state: "unavailable" } | { state: "loaded"; stats: ChannelStats };

/**
 * The server's `GET /api/channels`, asked every 2 s while the component (the open panel) is
 * mounted and the tab is shown. A failure is only "not available": an older server has no such
 * endpoint, and the panel is a side note, not something to raise an alarm over.
 */
export function useServerChannelStats(): ServerChannelStats {
  const [stats, setStats] = useState<ServerChannelStats>({ state: "loading" });
  const poll = useCallback(async () => {
    try {
      setStats({ state: "loaded", stats: await fetchChannelStats() });
    } catch {
      setStats({ state: "unavailable" });
    }
  }, []);
  usePoller(poll, SERVER_STATS_INTERVAL_MS);
  return stats;
}

import { useCallback, useEffect, useRef } from "react";
import { type Poller, createPoller } from "./poller";
import { documentVisibility, windowTimers } from "./poller-browser";

/**
 * Runs `poll` on the page's lifecycle while the component is mounted, and returns a stable
 * `pollNow` for after the user's own changes. `poll` must be stable too (a store action is).
 */
export function usePoller(poll: () => Promise<void>, intervalMs: number): () => void {
  const poller = useRef<Poller | null>(null);

  useEffect(() => {
    const instance = createPoller({
      poll,
      intervalMs,
      visibility: documentVisibility(document),
      timers: windowTimers(window),
    });
    poller.current = instance;
    instance.start();
    return () => {
      instance.stop();
      poller.current = null;
    };
  }, [poll, intervalMs]);

  return useCallback(() => poller.current?.pollNow(), []);
}

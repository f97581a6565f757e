import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs`, so "5 min ago" keeps counting between polls
 * (a 304 changes nothing in the list, so nothing else would re-render the page).
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 6 days", "in 5 h", "in 12 min": how long until a deadline (a trashed board's purge, a
 * device link's expiry). Days and hours to the nearest (a board trashed a day ago has 6 days
 * left, not "5" for the seconds since); minutes down, where one more would be a promise.
 */
export function formatTimeLeft(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return "at an unknown time";
  const left = then - now;
  if (left <= 0) return "any moment now";
  if (left < MINUTE) return "in under a minute";
  if (left < HOUR) return `in ${Math.floor(left / MINUTE)} min`;
  if (left < DAY) return `in ${Math.max(1, Math.round(left / HOUR))} h`;
  const days = Math.round(left / DAY);
  return days === 1 ? "in 1 day" : `in ${days} days`;
}

import { ApiError, errorFromResponse } from "../api/api-error";
import type { FeedProbe } from "./feed-client";
import { fetchViewInfo, viewFeedPath } from "./view-api";

/** A probe of the events URL that has no answer by then counts as "unknown": the feed retries. */
const FEED_ANSWER_TIMEOUT_MS = 10_000;

/**
 * Why the browser gave up on a viewer's stream. First the view info, as before: a 404 there is a
 * board deleted while we were away. The view info still answers 200 for a board whose stored
 * data is damaged, and an `EventSource` reports the feed's 503 only as an `error` event with no
 * status, so the events URL itself is then fetched, where the status can be read: 503 with SPEC's
 * `unavailable` body is the damaged board (a proxy's 503 has no such body, and is only retried).
 */
export function createFeedProbe(viewId: string): FeedProbe {
  return async () => {
    try {
      await fetchViewInfo(viewId);
    } catch (error) {
      return error instanceof ApiError && error.status === 404 ? "gone" : "unknown";
    }
    return askFeed(viewId);
  };
}

async function askFeed(viewId: string): Promise<"exists" | "damaged" | "unknown"> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FEED_ANSWER_TIMEOUT_MS);
  try {
    const response = await fetch(viewFeedPath(viewId), { headers: { Accept: "text/event-stream" }, signal: controller.signal });
    if (response.ok) return "exists";
    const error = await errorFromResponse(response);
    // Only the damaged board: a 404 here, just after the view info said the board exists, is
    // more likely a server on its way down than a deletion, and is left to the next try.
    return response.status === 503 && error.code === "unavailable" ? "damaged" : "unknown";
  } catch {
    return "unknown";
  } finally {
    clearTimeout(timer);
    // A 200 is a live stream the server has just opened for this probe: dropped at once, since
    // the feed client opens its own. After an error body it is a no-op.
    controller.abort();
  }
}

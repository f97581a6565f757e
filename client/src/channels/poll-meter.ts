import type { ChannelMeter } from "./channel-reading";
import { createTrafficCounter } from "./traffic";

/**
 * The gallery's polls of `GET /api/library`. A poll's request carries no body, so only its count
 * goes out; what comes in is the answer's body (none for a 304).
 */
export interface PollMeter extends ChannelMeter<"polling"> {
  /** A poll sent. */
  requested(): void;
  /** Its answer, with the body's bytes as read and the list's ETag (a 304 keeps the one known). */
  answered(status: number, bodyBytes: number, etag: string | null): void;
}

export function createPollMeter(): PollMeter {
  const traffic = createTrafficCounter();
  let polls = 0;
  let notModified = 0;
  let etag: string | null = null;
  return {
    requested() {
      polls += 1;
      traffic.sent(0);
    },
    answered(status, bodyBytes, answerEtag) {
      traffic.received(bodyBytes);
      if (status === 304) notModified += 1;
      else if (status === 200) etag = answerEtag;
    },
    read: () => ({ channel: "polling", traffic: traffic.read(), polls, notModified, etag }),
  };
}

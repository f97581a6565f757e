/**
 * Messages and payload bytes one page exchanged on its channel. Payload only, as the server's
 * `GET /api/channels` counts them: WebSocket message payloads, SSE event text, response bodies;
 * never headers, TCP or TLS framing, which a page cannot see.
 */
export interface Traffic {
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

/** No traffic: the rates before there are two readings to take them from. */
export const NO_TRAFFIC: Readonly<Traffic> = Object.freeze({ messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 });

/** A meter's running totals: plain increments, so counting costs the page nothing worth measuring. */
export interface TrafficCounter {
  received(bytes: number): void;
  sent(bytes: number): void;
  /** A copy: the panel keeps the previous one to take rates from. */
  read(): Traffic;
}

export function createTrafficCounter(): TrafficCounter {
  const totals: Traffic = { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
  return {
    received(bytes) {
      totals.messagesIn += 1;
      totals.bytesIn += bytes;
    },
    sent(bytes) {
      totals.messagesOut += 1;
      totals.bytesOut += bytes;
    },
    read: () => ({ ...totals }),
  };
}

/** Per second, between two readings taken `elapsedMs` apart; zero before there is a span to divide by. */
export function trafficRate(earlier: Traffic, later: Traffic, elapsedMs: number): Traffic {
  const perSecond = (from: number, to: number) => (elapsedMs > 0 ? ((to - from) * 1000) / elapsedMs : 0);
  return {
    messagesIn: perSecond(earlier.messagesIn, later.messagesIn),
    messagesOut: perSecond(earlier.messagesOut, later.messagesOut),
    bytesIn: perSecond(earlier.bytesIn, later.bytesIn),
    bytesOut: perSecond(earlier.bytesOut, later.bytesOut),
  };
}

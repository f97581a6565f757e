/**
 * The server's `presence` events carry only an editor's clientId, name, colour and cursor {x, y}
 * (rooms/presence.ts), so the cursor's send time travels in `x`: the send time modulo 10^6 ms,
 * floored to 0.1 ms. That is a number of the size a real cursor has (up to 8 characters), so
 * presence events stay realistically sized. A receiver restores the full time from its own
 * clock, which is unambiguous while latency stays under 10^6 ms (about 16 minutes).
 */
const MODULUS_MS = 1_000_000;
/** Clocks of two processes may disagree by a little; a send time this far "ahead" is skew. */
const SKEW_TOLERANCE_MS = 1_000;

export function cursorCarrying(sentAt: number, y: number): { x: number; y: number } {
  return { x: Math.floor((sentAt % MODULUS_MS) * 10) / 10, y };
}

export function sentAtOfCursor(x: number, receivedAt: number): number {
  let behind = (receivedAt - x) % MODULUS_MS;
  if (behind < 0) behind += MODULUS_MS;
  if (behind > MODULUS_MS - SKEW_TOLERANCE_MS) behind -= MODULUS_MS;
  return receivedAt - behind;
}

/**
 * Which viewer connections the run opens, in what order, from where.
 *
 * Order: the server writes each event to its viewers in the order they joined, so the last to
 * join wait longest. Probes are spread evenly over the order (the first, the last and every
 * step between), so their latencies speak for the whole audience.
 *
 * Source addresses: the server limits `/api/` requests to 600 a minute per client address
 * (server/src/http/rate-limit.ts), and the event stream is under `/api/`. Ten thousand viewers
 * from 127.0.0.1 would be refused with 429 after the first 600. Every 127.0.0.0/8 address is
 * this machine's loopback, so each block of viewers comes from its own one: still local, and the
 * server still does its rate-limit bookkeeping for every request.
 */
import type { ViewerSlot } from "./messages.js";

/** Under the 600-a-minute budget, with room for a ramp that takes under a minute anyway. */
export const VIEWERS_PER_ADDRESS = 500;
/** 127.0.0.1 is left to the coordinator's own API calls. */
const FIRST_HOST_OCTET = 2;
/** 127.0.0.2 .. 127.0.0.254: room for 126,000 viewers, far beyond any run here. */
export const MAX_VIEWERS = (254 - FIRST_HOST_OCTET + 1) * VIEWERS_PER_ADDRESS;

function probeIndices(viewers: number, probes: number): Set<number> {
  const count = Math.min(probes, viewers);
  if (count <= 1) return new Set(count === 1 ? [0] : []);
  return new Set(Array.from({ length: count }, (_, k) => Math.round((k * (viewers - 1)) / (count - 1))));
}

/** Slots split over `processes`, each list in the run's order (process p takes i % processes === p). */
export function planSlots(viewers: number, probes: number, processes: number): ViewerSlot[][] {
  if (viewers > MAX_VIEWERS) throw new Error(`at most ${MAX_VIEWERS} viewers (source addresses)`);
  const probeAt = probeIndices(viewers, probes);
  const parts: ViewerSlot[][] = Array.from({ length: processes }, () => []);
  for (let index = 0; index < viewers; index++) {
    const octet = FIRST_HOST_OCTET + Math.floor(index / VIEWERS_PER_ADDRESS);
    parts[index % processes]?.push({ index, probe: probeAt.has(index), localAddress: `127.0.0.${octet}` });
  }
  return parts.filter((part) => part.length > 0);
}

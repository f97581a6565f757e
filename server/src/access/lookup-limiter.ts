export interface LookupLimit {
  /** Failed capability lookups one client address may make per window. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Capabilities are 128 random bits, so guessing one is hopeless; still, a scanner should learn
 * that quickly. Thirty misses a minute is far more than a person mistyping links (or a stale
 * tab) produces, and ten times tighter than the API's general limit.
 */
export const DEFAULT_LOOKUP_LIMIT: LookupLimit = { maxFailures: 30, windowMs: 60_000 };

/**
 * Addresses tracked per window. Past it, new addresses share one budget: a scan spread over more
 * addresses than this is throttled as one client rather than growing the map.
 */
const MAX_TRACKED_ADDRESSES = 100_000;
const OVERFLOW = "(overflow)";

/**
 * The unit a client is counted by: an IPv4 address, or an IPv6 /64 (one subscriber's network;
 * counting single IPv6 addresses would give a client 2^64 budgets).
 */
export function clientUnit(address: string): string {
  if (!address.includes(":")) return address;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Counts failed capability lookups per client in fixed windows. The map holds only the clients
 * that failed in the current window, at most `MAX_TRACKED_ADDRESSES`, and is dropped whole when
 * the window turns.
 */
export class LookupLimiter {
  private failures = new Map<string, number>();
  private windowStart: number;

  constructor(
    private readonly limit: LookupLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /** Milliseconds until this address may look up again, or 0 when it may now. */
  retryAfterMs(address: string): number {
    this.turn();
    if ((this.failures.get(this.unitOf(address)) ?? 0) < this.limit.maxFailures) return 0;
    return Math.max(1, this.windowStart + this.limit.windowMs - this.now());
  }

  failed(address: string): void {
    this.turn();
    const unit = this.unitOf(address);
    this.failures.set(unit, (this.failures.get(unit) ?? 0) + 1);
  }

  private unitOf(address: string): string {
    const unit = clientUnit(address);
    return this.failures.has(unit) || this.failures.size < MAX_TRACKED_ADDRESSES ? unit : OVERFLOW;
  }

  private turn(): void {
    const now = this.now();
    if (now - this.windowStart < this.limit.windowMs) return;
    this.windowStart = now;
    this.failures = new Map();
  }
}

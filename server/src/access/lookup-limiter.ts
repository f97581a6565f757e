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
 * Counts failed capability lookups per client address in fixed windows. The map holds only the
 * addresses that failed in the current window, and is dropped whole when the window turns, so a
 * scan from many addresses costs memory for one window at most.
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
    if ((this.failures.get(address) ?? 0) < this.limit.maxFailures) return 0;
    return Math.max(1, this.windowStart + this.limit.windowMs - this.now());
  }

  failed(address: string): void {
    this.turn();
    this.failures.set(address, (this.failures.get(address) ?? 0) + 1);
  }

  private turn(): void {
    const now = this.now();
    if (now - this.windowStart < this.limit.windowMs) return;
    this.windowStart = now;
    this.failures = new Map();
  }
}

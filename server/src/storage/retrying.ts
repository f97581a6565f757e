import type { Store } from "./store.js";

export interface RetryPolicy {
  /** An error after which the whole call may simply be made again (it changed nothing). */
  transient(err: unknown): boolean;
  /** How long a call keeps retrying before its caller gets the error. */
  giveUpMs: number;
  retryMs: number;
}

/**
 * Every store call, made again while the database answers with a transient error: each attempt
 * is one whole transaction (all or nothing), so trying again is safe, and waiting between
 * attempts with a timer leaves the event loop free for everything else meanwhile.
 */
export function retrying(store: Store, policy: RetryPolicy): Store {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    wrapped[name] = async (...args: unknown[]) => {
      const giveUpAt = Date.now() + policy.giveUpMs;
      for (;;) {
        try {
          return await method(...args);
        } catch (err) {
          if (!policy.transient(err) || Date.now() > giveUpAt) throw err;
          await new Promise((resolve) => setTimeout(resolve, policy.retryMs));
        }
      }
    };
  }
  return wrapped as unknown as Store;
}

/** The code a driver error carries (better-sqlite3: `SQLITE_BUSY`; pg: SQLSTATE `40P01`). */
export function errorCode(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

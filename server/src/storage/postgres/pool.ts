import pg from "pg";

export interface PoolOptions {
  /** Connections at most; the pool opens them as statements need them. */
  max: number;
}

/**
 * A pool on `url`. A connection that breaks while idle (the server restarted, a proxy timed it
 * out) is reported on the pool, and an unhandled `error` event would end the process: it is
 * dropped here, since the pool replaces it, and the next statement on a dead server fails where
 * its caller handles the failure.
 */
export function openPool(url: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    // A database that does not answer fails the write (editors are asked to retry) instead of
    // leaving it waiting for ever.
    connectionTimeoutMillis: 10_000,
  });
  pool.on("error", () => undefined);
  return pool;
}

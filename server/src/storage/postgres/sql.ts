import type { Pool, PoolClient, QueryResult, QueryResultRow } from "pg";
import { errorCode } from "../retrying.js";

/** A pool or one of its connections: whatever a statement runs on. */
export interface Sql {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/**
 * `work` between BEGIN and COMMIT on one connection of the pool, rolled back if anything in it
 * throws. `begin` may name an isolation level (readers that must see snapshot and log agree).
 */
export async function inTransaction<T>(pool: Pool, work: (sql: PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query(begin);
    result = await work(client);
    await client.query("COMMIT");
  } catch (err) {
    // A connection that cannot even roll back is broken: it is destroyed, not pooled again.
    const rolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw err;
  }
  client.release();
  return result;
}

/**
 * SQLSTATEs after which a statement or transaction was rolled back whole and may be made again:
 * deadlock_detected (row locks taken in different orders; each store keeps one order, so this
 * is a safety net) and serialization_failure.
 */
const TRANSIENT = new Set(["40P01", "40001"]);

export const isTransient = (err: unknown): boolean => TRANSIENT.has(errorCode(err) as string);

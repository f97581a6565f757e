/**
 * Advisory lock keys, as `(namespace, key)` pairs: PostgreSQL's two-integer form, so the
 * whiteboard's locks cannot collide with single-bigint locks another application on the same
 * database might take. Advisory locks are per database: two test databases never share one.
 */
const NAMESPACE = 0x77_62_6f_61; // "wboa"

/** Held for the length of a migration run: two instances starting at once migrate one at a time. */
export const MIGRATION_LOCK = [NAMESPACE, 0] as const;

/**
 * The namespace of per-board fold locks: `pg_try_advisory_xact_lock(FOLD_LOCK_NAMESPACE,
 * hashtext(board_key))`. Two boards whose keys hash alike share a lock: one of their folds
 * waits for a later chance, which costs nothing but time. The migration lock sits in another
 * namespace, so no board's fold ever contends with it.
 */
export const FOLD_LOCK_NAMESPACE = NAMESPACE + 1;

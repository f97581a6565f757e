/**
 * Below this a copy costs nothing worth saving, and a small Node Buffer may be a view of the
 * shared allocation pool, which must never be moved to another thread.
 */
const MIN_TRANSFER_BYTES = 64 * 1024;

/**
 * The buffer to move rather than copy when `value` is a large byte array that owns all of its
 * buffer: a board's first sync or snapshot is tens of megabytes.
 */
export function transferable(value: unknown): ArrayBuffer[] {
  if (!(value instanceof Uint8Array) || value.byteLength < MIN_TRANSFER_BYTES) return [];
  const buffer = value.buffer;
  if (!(buffer instanceof ArrayBuffer) || value.byteOffset !== 0 || buffer.byteLength !== value.byteLength) return [];
  return [buffer];
}

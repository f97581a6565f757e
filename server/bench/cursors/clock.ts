/**
 * One clock for every process of the run: a high-resolution monotonic reading anchored to the wall
 * clock at process start, so a send time stamped in one process can be subtracted in another.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

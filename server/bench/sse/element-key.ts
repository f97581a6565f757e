/**
 * An element id that carries its send time, so a viewer can time a stroke from the update alone,
 * with no side channel: `t<send time ms, 0.1 ms>-<editor>-<n>`. It is about as long as a real
 * client's random id (22 characters), so the update events stay the size a real board's would.
 */
export function elementKey(sentAt: number, editor: number, n: number): string {
  return `t${sentAt.toFixed(1)}-${editor}-${n}`;
}

const KEY = /^t(\d+(?:\.\d+)?)-/;

/** The send time of a key `elementKey` made, or undefined for any other key. */
export function sentAtOfKey(key: string): number | undefined {
  const match = KEY.exec(key);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** One splice that turns `before` into `after`: where, how much goes, what comes in. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single splice between two strings (common prefix and suffix kept). A textarea
 * reports only its new value; sending the whole text on each key would make two people typing
 * in one element overwrite each other, while a splice merges with theirs.
 */
export function textSplice(before: string, after: string): TextSplice | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair: an emoji half-deleted is a broken character for everyone.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

/** A Yjs text delta: retain, insert or delete, in order. */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a caret at `position` is after someone else's change: text inserted before it pushes
 * it on, text deleted before it pulls it back, so typing goes on where the user was.
 */
export function shiftCaret(position: number, delta: TextDelta): number {
  let cursor = 0;
  let result = position;
  for (const op of delta) {
    if (cursor > position) break;
    if (op.retain !== undefined) cursor += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (cursor <= position) result += length;
      cursor += length;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, Math.max(0, position - cursor));
    }
  }
  return Math.max(0, result);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

import * as Y from "yjs";
import { comparePaintOrder, elementsOf } from "./element.js";

/** `]` and `[` move one step past the next element; with shift, all the way to the front or back. */
export type OrderMove = "forward" | "backward" | "front" | "back";

interface Ranked {
  id: string;
  z: number;
}

/**
 * Restacks the given elements and returns how many `z`s it wrote. Only the moved elements get
 * a new `z`, chosen between their new neighbours', so a concurrent restack by someone else
 * touches different keys and both survive the merge. Elements of types this client does not
 * know still hold their place in the stack (as in `nextZ`).
 */
export function reorderElements(doc: Y.Doc, ids: Iterable<string>, move: OrderMove): number {
  const elements = elementsOf(doc);
  const ranked: Ranked[] = [];
  elements.forEach((value, id) => {
    const z: unknown = value instanceof Y.Map ? value.get("z") : undefined;
    if (typeof z === "number" && Number.isFinite(z)) ranked.push({ id, z });
  });
  ranked.sort(comparePaintOrder);
  const selected = new Set(ids);
  const next = restack(ranked, selected, move);
  const writes = newZs(next, selected);
  if (writes.size === 0) return 0;
  doc.transact(() => {
    for (const [id, z] of writes) (elements.get(id) as Y.Map<unknown>).set("z", z);
  });
  return writes.size;
}

/** The paint order after the move, bottom first. */
export function restack(ranked: readonly Ranked[], selected: ReadonlySet<string>, move: OrderMove): Ranked[] {
  const order = [...ranked];
  const isSelected = (i: number) => selected.has(order[i]!.id);
  switch (move) {
    case "front":
      return [...order.filter((r) => !selected.has(r.id)), ...order.filter((r) => selected.has(r.id))];
    case "back":
      return [...order.filter((r) => selected.has(r.id)), ...order.filter((r) => !selected.has(r.id))];
    case "forward":
      // From the top down, each selected element hops over the unselected one above it: a
      // selected block moves up past one element together.
      for (let i = order.length - 2; i >= 0; i--) {
        if (isSelected(i) && !isSelected(i + 1)) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      }
      return order;
    case "backward":
      for (let i = 1; i < order.length; i++) {
        if (isSelected(i) && !isSelected(i - 1)) [order[i], order[i - 1]] = [order[i - 1]!, order[i]!];
      }
      return order;
    default: {
      const unhandled: never = move;
      return unhandled;
    }
  }
}

/**
 * `z`s for the selected elements that put them where `order` says, between the unselected
 * elements around them. When two neighbours share a `z` there is no number between them: then
 * the whole stack is renumbered, which is rare (it needs two elements added at once).
 */
export function newZs(order: readonly Ranked[], selected: ReadonlySet<string>): Map<string, number> {
  const writes = new Map<string, number>();
  let i = 0;
  while (i < order.length) {
    if (!selected.has(order[i]!.id)) {
      i++;
      continue;
    }
    let end = i;
    while (end < order.length && selected.has(order[end]!.id)) end++;
    const lo = i > 0 ? order[i - 1]!.z : Number.NEGATIVE_INFINITY;
    const hi = end < order.length ? order[end]!.z : Number.POSITIVE_INFINITY;
    const run = order.slice(i, end);
    if (!fitsBetween(run, lo, hi)) {
      if (!(hi - lo > 0)) return renumber(order);
      run.forEach((r, k) => {
        const z =
          lo === Number.NEGATIVE_INFINITY
            ? Math.floor(hi) - (run.length - k)
            : hi === Number.POSITIVE_INFINITY
              ? Math.floor(lo) + 1 + k
              : lo + ((hi - lo) * (k + 1)) / (run.length + 1);
        writes.set(r.id, z);
      });
    }
    i = end;
  }
  return writes;
}

/** Whether a run already sits strictly between its neighbours, strictly increasing: then nothing needs writing. */
function fitsBetween(run: readonly Ranked[], lo: number, hi: number): boolean {
  let previous = lo;
  for (const r of run) {
    if (!(r.z > previous)) return false;
    previous = r.z;
  }
  return previous < hi;
}

function renumber(order: readonly Ranked[]): Map<string, number> {
  const writes = new Map<string, number>();
  order.forEach((r, k) => {
    if (r.z !== k) writes.set(r.id, k);
  });
  return writes;
}

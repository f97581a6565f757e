import type { Element } from "@whiteboard/shared";
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { ElementQuery } from "../geometry/element-query";
import { selectedElements } from "../selection/selection-bounds";

const NONE: readonly Element[] = [];

/**
 * The selected elements as they are now, re-rendering only when one of them changes. Every pen
 * point is a doc transaction: a component keyed on the whole board would rebuild and re-render
 * on each of them, with nothing selected to show.
 */
export function useSelectedElements(query: ElementQuery, ids: readonly string[]): readonly Element[] {
  const last = useRef<readonly Element[]>(NONE);
  const snapshot = useCallback(() => {
    if (ids.length === 0) return NONE;
    const now = selectedElements(query, ids);
    // The query hands out a new object for an element only when it changed.
    const same = now.length === last.current.length && now.every((element, i) => element === last.current[i]);
    if (!same) last.current = now;
    return last.current;
  }, [query, ids]);
  return useSyncExternalStore(query.subscribe, snapshot);
}

import { type StoreApi, createStore } from "zustand/vanilla";

/** The ids this user has selected, in the order they were picked. */
export interface SelectionState {
  ids: readonly string[];
}

export type SelectionStore = StoreApi<SelectionState>;

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()(() => ({ ids: [] }));
}

export function setSelection(store: SelectionStore, ids: Iterable<string>): void {
  const next = [...new Set(ids)];
  const current = store.getState().ids;
  if (next.length === current.length && next.every((id, i) => id === current[i])) return;
  store.setState({ ids: next });
}

/** Shift-click: in if it was out, out if it was in. */
export function toggleSelected(store: SelectionStore, id: string): void {
  const ids = store.getState().ids;
  setSelection(store, ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);
}

/** Drops ids that are no longer drawable elements (deleted here or by others, undone). */
export function pruneSelection(store: SelectionStore, exists: (id: string) => boolean): void {
  const ids = store.getState().ids;
  if (ids.every(exists)) return;
  setSelection(store, ids.filter(exists));
}

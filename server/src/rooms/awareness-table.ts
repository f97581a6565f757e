import { type AwarenessEntry, REMOVED_STATE } from "../protocol/awareness.js";

/**
 * The room's awareness: the latest state per client id, who owns each id, and what changed since
 * the last tick. Latest wins: a state replaced before the tick is never sent.
 *
 * Ownership is what makes the stock provider safe to serve. It re-sends every awareness change
 * it receives, other clients' included, so most entries a connection sends are not its own. An
 * id owned by another connection, or an old clock of a departed one, is dropped quietly; an
 * unowned id is claimed by the first connection to send a live state for it, up to a cap.
 */
export class AwarenessTable<Owner> {
  private readonly entries = new Map<number, AwarenessEntry & { owner: Owner | undefined }>();
  private readonly dirty = new Set<number>();
  private readonly owned = new Map<Owner, Set<number>>();
  /** Departed ids, oldest first, kept so their stale echoes are recognised; bounded. */
  private readonly tombstones: number[] = [];

  constructor(
    private readonly maxIdsPerOwner: number,
    private readonly maxTombstones = 10_000,
  ) {}

  /** Applies a connection's entries; returns whether anything changed. */
  apply(owner: Owner, incoming: AwarenessEntry[]): boolean {
    let changed = false;
    for (const entry of incoming) {
      const current = this.entries.get(entry.clientId);
      if (current?.owner !== undefined && current.owner !== owner) continue;
      if (current?.owner === undefined) {
        if (entry.state === REMOVED_STATE) continue;
        if (current && entry.clock <= current.clock) continue;
        const mine = this.owned.get(owner) ?? new Set<number>();
        if (mine.size >= this.maxIdsPerOwner) continue;
        mine.add(entry.clientId);
        this.owned.set(owner, mine);
      } else {
        // y-protocols' rule: a newer clock wins; an equal clock only to remove the state.
        const newer = entry.clock > current.clock || (entry.clock === current.clock && entry.state === REMOVED_STATE);
        if (!newer) continue;
      }
      this.entries.set(entry.clientId, { ...entry, owner });
      this.dirty.add(entry.clientId);
      changed = true;
    }
    return changed;
  }

  /** A connection left: its states are removed (clock + 1), so every peer drops its cursor. */
  release(owner: Owner): boolean {
    const mine = this.owned.get(owner);
    if (!mine) return false;
    this.owned.delete(owner);
    for (const clientId of mine) {
      const current = this.entries.get(clientId)!;
      this.entries.set(clientId, { clientId, clock: current.clock + 1, state: REMOVED_STATE, owner: undefined });
      this.dirty.add(clientId);
      this.tombstones.push(clientId);
    }
    while (this.tombstones.length > this.maxTombstones) {
      const old = this.tombstones.shift()!;
      const entry = this.entries.get(old);
      if (entry && entry.owner === undefined && !this.dirty.has(old)) this.entries.delete(old);
    }
    return true;
  }

  hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** The entries changed since the last call, each at its latest state. */
  takeChanges(): AwarenessEntry[] {
    const changes = [...this.dirty].map((id) => this.publicEntry(id));
    this.dirty.clear();
    return changes;
  }

  /** Every live state, for a newcomer or an awareness query. */
  liveEntries(): AwarenessEntry[] {
    const live: AwarenessEntry[] = [];
    for (const id of this.entries.keys()) {
      const entry = this.publicEntry(id);
      if (entry.state !== REMOVED_STATE) live.push(entry);
    }
    return live;
  }

  /** Live states with their client ids, for presence. */
  liveStates(): Array<{ clientId: number; state: string }> {
    return this.liveEntries().map(({ clientId, state }) => ({ clientId, state }));
  }

  private publicEntry(clientId: number): AwarenessEntry {
    const { clock, state } = this.entries.get(clientId)!;
    return { clientId, clock, state };
  }
}

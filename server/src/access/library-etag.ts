import { createHash } from "node:crypto";
import type { MembershipRecord, Store } from "../storage/store.js";

/**
 * The half of a member's ETag that the store cannot keep: editors and viewers coming and going.
 * When a board's counts change, every library holding it gets a new live version (in memory:
 * counts restart at zero with the process, and so does this, which is why the boot id is in the
 * tag). Changes are gathered and resolved once per turn of the event loop, so a thousand viewers
 * arriving at once cost one lookup per board, not a thousand.
 */
export class LibraryEtags {
  private readonly live = new Map<string, number>();
  private readonly changedBoards = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly store: Store,
    /** Differs per process, so an ETag never survives a restart whose live counts reset. */
    private readonly bootId: string,
  ) {}

  /** A board's editors or viewers changed. */
  boardCountsChanged(boardKey: string): void {
    this.changedBoards.add(boardKey);
    if (this.scheduled) return;
    this.scheduled = true;
    // A lookup that fails (the store closing at shutdown) leaves tags stale until the next change.
    setImmediate(() => void this.apply().catch(() => undefined));
  }

  /**
   * One member's tag, from their libraries' stored and live versions: a few integers, never the
   * list itself. Joining or leaving a library changes the set of ids, and so the tag.
   */
  etag(memberships: readonly MembershipRecord[]): string {
    const hash = createHash("sha256").update(this.bootId);
    for (const m of memberships) hash.update(`|${m.libraryId}:${m.version}:${this.live.get(m.libraryId) ?? 0}`);
    return `"${hash.digest("base64url").slice(0, 27)}"`;
  }

  /** Resolves once every count change so far has reached the tags (tests). */
  async settled(): Promise<void> {
    while (this.scheduled) await new Promise((resolve) => setImmediate(resolve));
  }

  private async apply(): Promise<void> {
    const boards = [...this.changedBoards];
    this.changedBoards.clear();
    try {
      for (const key of boards) {
        for (const libraryId of await this.store.librariesOfBoard(key)) {
          this.live.set(libraryId, (this.live.get(libraryId) ?? 0) + 1);
        }
      }
    } finally {
      this.scheduled = false;
      if (this.changedBoards.size > 0) this.boardCountsChanged([...this.changedBoards][0]!);
    }
  }
}

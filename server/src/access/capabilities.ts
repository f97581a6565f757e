import { type Role, isWellFormedId } from "@whiteboard/shared";
import type { BoardRecord, Store } from "../storage/store.js";
import type { LookupLimiter } from "./lookup-limiter.js";

/** What a capability grants: a board, and the role its holder has on it. */
export interface Grant {
  board: BoardRecord;
  role: Role;
}

/**
 * Which capabilities an endpoint takes: the edit `id` only, either the `id` or the `viewId`, the
 * `viewId` only, or (restore alone) the `id` of a board in the trash as well as a live one.
 */
export type Accepts = "edit" | "edit-or-view" | "view" | "edit-including-trash";

export type Resolution = { ok: true; grant: Grant } | { ok: false; code: "not_found" } | { ok: false; code: "rate_limited"; retryAfterMs: number };

/**
 * The one place a capability becomes a board: every transport asks here, once, at its edge, and
 * passes the grant on. A malformed capability is unknown before any lookup, whatever its shape;
 * an address that keeps failing is refused before the store is asked again.
 */
export class Capabilities {
  constructor(
    private readonly store: Store,
    private readonly limiter: LookupLimiter,
  ) {}

  async resolve(address: string, capability: string, accepts: Accepts): Promise<Resolution> {
    const retryAfterMs = this.limiter.retryAfterMs(address);
    if (retryAfterMs > 0) return { ok: false, code: "rate_limited", retryAfterMs };
    const grant = isWellFormedId(capability) ? await this.lookup(capability, accepts) : undefined;
    if (grant) return { ok: true, grant };
    this.limiter.failed(address);
    return { ok: false, code: "not_found" };
  }

  /** How long this address must wait before another lookup (invites share the budget). */
  retryAfterMs(address: string): number {
    return this.limiter.retryAfterMs(address);
  }

  /** An unknown invite or device link counts like an unknown capability. */
  failed(address: string): void {
    this.limiter.failed(address);
  }

  private async lookup(capability: string, accepts: Accepts): Promise<Grant | undefined> {
    if (accepts === "edit-including-trash") {
      const board = await this.store.findBoardIncludingTrash(capability);
      return board && { board, role: "edit" };
    }
    if (accepts !== "view") {
      const board = await this.store.getBoard(capability);
      if (board) return { board, role: "edit" };
    }
    if (accepts !== "edit") {
      const board = await this.store.getBoardByViewId(capability);
      if (board) return { board, role: "view" };
    }
    return undefined;
  }
}

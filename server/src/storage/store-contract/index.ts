/**
 * The `Store` contract: one suite of behaviour, run against every implementation (sqlite.test.ts,
 * postgres.test.ts). What only one backend can show (SQLite's write lock, PostgreSQL's instances
 * sharing one database) stays in that backend's own tests.
 */
import type { Store } from "../store.js";
import { boardsContract } from "./boards.js";
import { documentsContract } from "./documents.js";
import { membersContract } from "./members.js";
import { librariesContract } from "./libraries.js";

/** A backend under test: where a store lives, and what tests do to it behind the store's back. */
export interface StoreBackend {
  /** A new, empty place for one test (a directory, a database), removed when the test ends. */
  place(): Promise<StorePlace>;
}

export interface StorePlace {
  /** A store on this place; any number, one after another or at once, see the same data. */
  open(now?: () => Date): Promise<Store>;
  /**
   * From now on every bump of a library's version fails with "disk full", as a full disk would
   * fail a write part-way through; resolves with the function that undoes it.
   */
  failLibraryBumps(): Promise<() => Promise<void>>;
  /** Bytes written where the store would keep a board's next logged update, behind its back. */
  logRaw(boardKey: string, bytes: Uint8Array): Promise<void>;
  /** The board's current snapshot overwritten with `bytes`, behind the store's back. */
  overwriteSnapshot(boardKey: string, bytes: Uint8Array): Promise<void>;
}

export function describeStoreContract(name: string, backend: StoreBackend): void {
  boardsContract(name, backend);
  documentsContract(name, backend);
  membersContract(name, backend);
  librariesContract(name, backend);
}

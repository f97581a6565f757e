import { pino } from "pino";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { logRawUpdate, testDatabase } from "../../test/postgres.js";
import { newBoard } from "../../test/store.js";
import { FakePeer } from "../../test/fake-peer.js";
import { eventually } from "../../test/editors.js";
import { encodeSyncStep1, encodeUpdate } from "../../protocol/messages.js";
import { DEFAULT_REGISTRY_OPTIONS, RoomRegistry } from "../../rooms/registry.js";
import type { EditorSession } from "../../rooms/editor-session.js";
import { openPostgresStore } from "../postgres.js";
import type { Store } from "../store.js";

/** The rooms of one instance of the server, on a PostgreSQL store. */
function instance(store: Store): RoomRegistry {
  return new RoomRegistry(store, pino({ level: "silent" }), { ...DEFAULT_REGISTRY_OPTIONS, unloadGraceMs: 20 });
}

async function join(registry: RoomRegistry, boardKey: string): Promise<{ peer: FakePeer; session: EditorSession }> {
  const peer = new FakePeer();
  const session = (await registry.joinEditor(boardKey, peer))!;
  session.handle(encodeSyncStep1(Y.encodeStateVector(peer.doc)));
  return { peer, session };
}

/** Adds an element in the peer's doc and sends the change to its room, as a provider would. */
function draw({ peer, session }: { peer: FakePeer; session: EditorSession }, id: string): void {
  const before = Y.encodeStateVector(peer.doc);
  peer.doc.getMap("elements").set(id, new Y.Map([["type", "rect"]]));
  expect(session.handle(encodeUpdate(Y.encodeStateAsUpdate(peer.doc, before)))).toBeUndefined();
}

const keysOf = (doc: Y.Doc) => [...doc.getMap("elements").keys()].sort();

describe("rooms on a PostgreSQL store", () => {
  it("stores, forwards and folds a board's edits, and a room loaded later restores it", async () => {
    const store = await openPostgresStore(await testDatabase());
    const registry = instance(store);
    const board = await newBoard(store, "room");
    const a = await join(registry, board.key);
    const b = await join(registry, board.key);
    draw(a, "from-a");
    draw(b, "from-b");
    await registry.loaded(board.key)!.flush();
    expect(keysOf(a.peer.doc)).toEqual(["from-a", "from-b"]);
    expect(keysOf(b.peer.doc)).toEqual(["from-a", "from-b"]);

    a.session.leave();
    b.session.leave();
    // Unloading folds the log into the snapshot, in the store's worker.
    await eventually(async () => expect(await store.loadDoc(board.key)).toMatchObject({ updates: [], snapshot: expect.any(Uint8Array) }));
    const again = await join(registry, board.key);
    await eventually(() => expect(keysOf(again.peer.doc)).toEqual(["from-a", "from-b"]));
    await registry.closeAll();
    await store.close();
  });

  it("keeps both instances' edits of one board in one log, which a room loaded afterwards holds whole", async () => {
    const url = await testDatabase();
    const [first, second] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const board = await newBoard(first, "two instances");
    const [one, two] = [instance(first), instance(second)];
    const a = await join(one, board.key);
    const b = await join(two, board.key);
    for (let i = 0; i < 10; i++) {
      draw(a, `a${i}`);
      draw(b, `b${i}`);
    }
    await Promise.all([one.loaded(board.key)!.flush(), two.loaded(board.key)!.flush()]);
    await Promise.all([one.closeAll(), two.closeAll()]);

    const later = instance(first);
    const c = await join(later, board.key);
    await eventually(() => expect(keysOf(c.peer.doc)).toHaveLength(20));
    await later.closeAll();
    await Promise.all([first.close(), second.close()]);
  });

  it("quarantines a board whose stored bytes are damaged, keeping its rows, while other boards open", async () => {
    const url = await testDatabase();
    const store = await openPostgresStore(url);
    const registry = instance(store);
    const damaged = await newBoard(store, "damaged");
    const healthy = await newBoard(store, "healthy");
    await logRawUpdate(url, damaged.key, Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]));
    expect(await registry.joinEditor(damaged.key, new FakePeer())).toBeUndefined();
    expect(registry.damage(damaged.key)).toBe("logged update 1");
    expect((await store.loadDoc(damaged.key))!.updates).toHaveLength(1);
    const editor = await join(registry, healthy.key);
    draw(editor, "fine");
    await registry.loaded(healthy.key)!.flush();
    expect((await store.loadDoc(healthy.key))!.updates).toHaveLength(1);
    await registry.closeAll();
    await store.close();
  });
});

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider, messageSync } from "y-websocket";
import * as Y from "yjs";
import { quietSyncStep2 } from "./quiet-sync";

/** A board the server has: what its sync step 2 to a new client carries. */
function serverBoard(): Y.Doc {
  const server = new Y.Doc();
  const elements = server.getMap("elements");
  for (let i = 0; i < 50; i++) elements.set(`e${i}`, i);
  return server;
}

/** A sync message as the server sends it, in the provider's framing. */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Runs one message through the provider's handlers as its socket would; returns the reply. */
function receive(provider: WebsocketProvider, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  provider.messageHandlers[type]!(encoder, decoder, provider, true, type);
  return encoding.toUint8Array(encoder);
}

describe("quietSyncStep2", () => {
  const providers: WebsocketProvider[] = [];
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });

  function setUp() {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider("ws://127.0.0.1:9", "board", doc, {
      connect: false,
      disableBc: true,
      // Never connected: these tests hand it messages themselves (and Node 20 has no WebSocket).
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    });
    providers.push(provider);
    const heard: Uint8Array[] = [];
    const kept: Uint8Array[] = [];
    const listener = (update: Uint8Array) => heard.push(update);
    doc.on("update", listener);
    quietSyncStep2(provider, { listener, keep: (update) => kept.push(update) });
    return { doc, provider, heard, kept };
  }

  it("applies the server's step 2 without announcing it to the held listener, and keeps the bytes as received", () => {
    const { doc, provider, heard, kept } = setUp();
    const board = serverBoard();
    const update = Y.encodeStateAsUpdate(board);
    const reply = receive(provider, syncMessage((e) => syncProtocol.writeSyncStep2(e, board)));

    expect(doc.getMap("elements").toJSON()).toEqual(board.getMap("elements").toJSON());
    expect(heard).toHaveLength(0);
    expect(kept).toEqual([update]);
    expect(provider.synced).toBe(true);
    // Nothing to answer to a step 2: the reply holds only the message type, so it is not sent.
    expect(reply).toEqual(Uint8Array.of(messageSync));
  });

  it("gives the listeners back: a later change is announced as usual", () => {
    const { doc, provider, heard } = setUp();
    receive(provider, syncMessage((e) => syncProtocol.writeSyncStep2(e, serverBoard())));
    doc.getMap("elements").set("mine", 1);
    expect(heard).toHaveLength(1);
    // The provider's own listener is back too: it is what sends local changes.
    expect((doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get("update")?.has(provider._updateHandler)).toBe(true);
  });

  it("still announces the sync to listeners it was not told to hold", () => {
    const { doc, provider } = setUp();
    const others: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => others.push(update));
    receive(provider, syncMessage((e) => syncProtocol.writeSyncStep2(e, serverBoard())));
    expect(others).toHaveLength(1);
  });

  it("leaves step 1 and live updates to the provider's own handling", () => {
    const { doc, provider, heard, kept } = setUp();
    doc.getMap("elements").set("local", 1);
    heard.length = 0;
    const reply = receive(provider, syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
    // A step 1 is answered with our step 2.
    const decoder = decoding.createDecoder(reply);
    expect(decoding.readVarUint(decoder)).toBe(messageSync);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);

    const other = new Y.Doc();
    other.getMap("elements").set("theirs", 2);
    receive(provider, syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(other))));
    expect(doc.getMap("elements").get("theirs")).toBe(2);
    expect(heard).toHaveLength(1);
    expect(kept).toHaveLength(0);
  });

  it("reports a malformed step 2 instead of throwing, and keeps nothing of it", () => {
    const { provider, kept } = setUp();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const garbage = syncMessage((e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, Uint8Array.of(1, 200, 3, 4, 5));
      });
      receive(provider, garbage);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(kept).toHaveLength(0);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createSocketMeter, meteredWebSocket } from "./socket-meter";

/** A socket the test opens and feeds; it keeps what was sent. Every instance lands in `sockets`. */
class FakeSocket extends EventTarget {
  static readonly sockets: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = "blob";
  readonly sentData: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent | Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    super();
    FakeSocket.sockets.push(this);
  }

  send(data: unknown): void {
    if (this.readyState !== 1) throw new Error("not open");
    this.sentData.push(data);
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    const event = new Event("open");
    this.dispatchEvent(event);
    this.onopen?.(event);
  }

  receive(data: unknown): void {
    const event = new MessageEvent("message", { data });
    this.dispatchEvent(event);
    this.onmessage?.(event);
  }

  drop(): void {
    this.readyState = 3;
    const event = Object.assign(new Event("close"), { code: 1006, reason: "" });
    this.dispatchEvent(event);
    this.onclose?.(event);
  }
}

const Base = FakeSocket as unknown as typeof WebSocket;

afterEach(() => {
  FakeSocket.sockets.length = 0;
  vi.useRealTimers();
});

describe("the WebSocket meter", () => {
  it("counts each message either way with its payload bytes: binary by length, text as UTF-8", () => {
    const meter = createSocketMeter();
    const socket = new (meteredWebSocket(Base, meter))("ws://x/ws/b") as unknown as FakeSocket;
    socket.open();
    socket.send(new Uint8Array(10));
    socket.send("é");
    socket.receive(new ArrayBuffer(300));
    socket.receive(new ArrayBuffer(0));

    expect(meter.read()).toEqual({
      channel: "websocket",
      traffic: { messagesIn: 2, messagesOut: 2, bytesIn: 300, bytesOut: 12 },
      reconnects: 0,
    });
  });

  it("does not count a send the socket refused", () => {
    const meter = createSocketMeter();
    const socket = new (meteredWebSocket(Base, meter))("ws://x/ws/b") as unknown as FakeSocket;
    expect(() => socket.send(new Uint8Array(4))).toThrow();
    expect(meter.read().traffic.messagesOut).toBe(0);
  });

  it("counts the opens after the first, across the sockets the provider makes, as reconnects", () => {
    vi.useFakeTimers();
    const meter = createSocketMeter();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider("ws://x/ws", "b", doc, { WebSocketPolyfill: meteredWebSocket(Base, meter), disableBc: true });
    try {
      FakeSocket.sockets[0]!.open();
      // On open the provider sends its sync step 1 and our awareness state itself: counted as sent.
      expect(meter.read().traffic.messagesOut).toBe(2);
      expect(meter.read().reconnects).toBe(0);

      FakeSocket.sockets[0]!.drop();
      vi.runOnlyPendingTimers();
      FakeSocket.sockets[1]!.open();
      expect(meter.read()).toMatchObject({ reconnects: 1, traffic: { messagesOut: 4 } });
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });
});

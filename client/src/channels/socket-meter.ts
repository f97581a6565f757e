import type { ChannelMeter } from "./channel-reading";
import { createTrafficCounter } from "./traffic";
import { utf8Length } from "./utf8-length";

/** The editor's WebSocket traffic, across every socket the provider opens. */
export interface SocketMeter extends ChannelMeter<"websocket"> {
  received(data: unknown): void;
  sent(data: unknown): void;
  opened(): void;
}

export function createSocketMeter(): SocketMeter {
  const traffic = createTrafficCounter();
  let opens = 0;
  return {
    received: (data) => traffic.received(messageBytes(data)),
    sent: (data) => traffic.sent(messageBytes(data)),
    opened: () => {
      opens += 1;
    },
    // The first open is the connection; every later one, a reconnect.
    read: () => ({ channel: "websocket", traffic: traffic.read(), reconnects: Math.max(0, opens - 1) }),
  };
}

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` option that tells `meter` of each
 * message either way and of each open. The provider makes a new socket per (re)connect, and
 * assigns `onmessage`/`onopen` itself: these listeners sit beside its handlers, not in their way.
 */
export function meteredWebSocket(Base: typeof WebSocket, meter: SocketMeter): typeof WebSocket {
  return class MeteredWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("open", () => meter.opened());
      this.addEventListener("message", (event) => meter.received(event.data));
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      // Counted once handed over: a send on a socket that is not open throws, and is not traffic.
      super.send(data);
      meter.sent(data);
    }
  };
}

/** A message's payload bytes: binary frames know their length (O(1)); text is counted as UTF-8. */
function messageBytes(data: unknown): number {
  if (typeof data === "string") return utf8Length(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== "undefined" && data instanceof Blob) return data.size;
  return 0;
}

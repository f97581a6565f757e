import { afterEach, describe, expect, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { ConnectionStatus } from "./connection-status";
import { type BoardProbe, watchConnection } from "./connection-watch";

/** A socket that never opens: these tests drive the provider's events by hand. */
class IdleSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = "arraybuffer";
  onopen = null;
  onclose = null;
  onmessage = null;
  onerror = null;
  send() {}
  close() {}
}

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

function setup(probe: BoardProbe = async () => "exists") {
  const provider = new WebsocketProvider("ws://board.test/ws", "board", new Y.Doc(), {
    connect: false,
    WebSocketPolyfill: IdleSocket as unknown as typeof WebSocket,
  });
  providers.push(provider);
  const listeners = new Map<string, () => void>();
  const fakeWindow = {
    navigator: { onLine: true },
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  const statuses: ConnectionStatus[] = [];
  const stop = watchConnection({
    provider,
    window: fakeWindow as unknown as Parameters<typeof watchConnection>[0]["window"],
    probeBoard: probe,
    onStatus: (status) => statuses.push(status),
  });
  const close = (failures: number) => {
    provider.wsUnsuccessfulReconnects = failures;
    provider.emit("connection-close", [null, provider]);
  };
  return { provider, statuses, stop, close, fire: (type: string) => listeners.get(type)?.() };
}

describe("watchConnection", () => {
  it("reports connecting, connected, then reconnecting after a drop", () => {
    const { provider, statuses, close } = setup();
    provider.emit("status", [{ status: "connected" }]);
    provider.emit("status", [{ status: "disconnected" }]);
    close(1);
    expect(statuses).toEqual(["connecting", "connected", "reconnecting"]);
  });

  it("follows the browser going offline and back", () => {
    const { provider, statuses, fire } = setup();
    provider.emit("status", [{ status: "connected" }]);
    fire("offline");
    fire("online");
    expect(statuses).toEqual(["connecting", "connected", "offline", "connected"]);
  });

  it("reports the board deleted on the server's 4404 and stops connecting", () => {
    const { provider, statuses } = setup();
    provider.connect();
    provider.emit("closed", [{ code: 4404, reason: "board deleted" }, provider]);
    expect(statuses.at(-1)).toBe("deleted");
    expect(provider.shouldConnect).toBe(false);
  });

  it("reports the links reset on the server's 4401 and stops connecting", () => {
    const { provider, statuses } = setup();
    provider.connect();
    provider.emit("closed", [{ code: 4401, reason: "links reset" }, provider]);
    expect(statuses.at(-1)).toBe("reset");
    expect(provider.shouldConnect).toBe(false);
  });

  it("asks the boards API after repeated failures, and reports a board deleted while away", async () => {
    let probes = 0;
    const { statuses, close } = setup(async () => {
      probes++;
      return "gone";
    });
    close(1);
    close(2);
    expect(probes).toBe(0);
    close(3);
    close(4);
    // At most one question per interval, however many failures follow.
    expect(probes).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(statuses.at(-1)).toBe("deleted");
  });
});

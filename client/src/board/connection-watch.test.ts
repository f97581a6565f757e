import { afterEach, describe, expect, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { ConnectionStatus } from "./connection-status";
import { type BoardProbe, SAVING_AGAIN_AFTER_MS, watchConnection } from "./connection-watch";

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
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const stop = watchConnection({
    provider,
    window: fakeWindow as unknown as Parameters<typeof watchConnection>[0]["window"],
    probeBoard: probe,
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    onStatus: (status) => statuses.push(status),
  });
  /** A close as the provider reports it; `code` null is a close this page made itself. */
  const close = (failures: number, code: number | null = null) => {
    provider.wsUnsuccessfulReconnects = failures;
    provider.emit("connection-close", [code === null ? null : ({ code } as CloseEvent), provider]);
  };
  const runTimers = () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
  };
  return { provider, statuses, stop, close, timers, runTimers, fire: (type: string) => listeners.get(type)?.() };
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

  it("reports the board damaged on the server's 4500 and stops connecting", () => {
    const { provider, statuses } = setup();
    provider.connect();
    provider.emit("closed", [{ code: 4500, reason: "board data damaged" }, provider]);
    expect(statuses.at(-1)).toBe("damaged");
    expect(provider.shouldConnect).toBe(false);
  });

  it("reports saving paused on the server's 1013, keeps connecting, and says connected once a reconnect holds", () => {
    const { provider, statuses, close, timers, runTimers } = setup();
    provider.connect();
    provider.emit("status", [{ status: "connected" }]);
    close(1, 1013);
    expect(statuses.at(-1)).toBe("paused");
    expect(provider.shouldConnect).toBe(true);

    // The disk is still full: the reconnect opens, resends, and is closed again at once.
    provider.emit("status", [{ status: "connected" }]);
    expect(statuses.at(-1)).toBe("paused");
    close(1, 1013);
    expect(timers.every((timer) => timer.cancelled)).toBe(true);

    provider.emit("status", [{ status: "connected" }]);
    expect(timers.at(-1)!.ms).toBe(SAVING_AGAIN_AFTER_MS);
    runTimers();
    expect(statuses.at(-1)).toBe("connected");
    expect(statuses.filter((status) => status === "connected")).toHaveLength(2);
  });

  it("drops saving paused when the next close is something else, such as a dropped network", () => {
    const { provider, statuses, close } = setup();
    provider.emit("status", [{ status: "connected" }]);
    close(1, 1013);
    close(2, 1006);
    expect(statuses).toEqual(["connecting", "connected", "paused", "reconnecting"]);
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

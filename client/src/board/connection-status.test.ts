import { describe, expect, it } from "vitest";
import { INITIAL_FACTS, OFFLINE_AFTER_FAILURES, connectionStatus, shouldReconnect } from "./connection-status";

describe("connectionStatus", () => {
  it("is connecting before the first connection and connected once the socket is open", () => {
    expect(connectionStatus(INITIAL_FACTS)).toBe("connecting");
    expect(connectionStatus({ ...INITIAL_FACTS, socketOpen: true, everConnected: true })).toBe("connected");
  });

  it("is reconnecting after a drop, and offline once retries keep failing", () => {
    const dropped = { ...INITIAL_FACTS, everConnected: true };
    expect(connectionStatus({ ...dropped, failedAttempts: 1 })).toBe("reconnecting");
    expect(connectionStatus({ ...dropped, failedAttempts: OFFLINE_AFTER_FAILURES })).toBe("offline");
  });

  it("is offline whenever the browser says the network is gone, even with a socket that looks open", () => {
    expect(connectionStatus({ ...INITIAL_FACTS, socketOpen: true, browserOnline: false })).toBe("offline");
  });

  it("is deleted after the server's 4404 close or a 404 from the boards API", () => {
    expect(connectionStatus({ ...INITIAL_FACTS, finalCloseCode: 4404 })).toBe("deleted");
    expect(connectionStatus({ ...INITIAL_FACTS, boardGone: true })).toBe("deleted");
  });

  it("is reset after the server's 4401 close, which no retry can undo", () => {
    expect(connectionStatus({ ...INITIAL_FACTS, everConnected: true, finalCloseCode: 4401 })).toBe("reset");
  });

  it("is offline after any other close the server means for good", () => {
    expect(connectionStatus({ ...INITIAL_FACTS, socketOpen: false, finalCloseCode: 4403 })).toBe("offline");
  });

  it("is damaged after the server's 4500 close: the board is kept aside, and no retry can open it", () => {
    expect(connectionStatus({ ...INITIAL_FACTS, everConnected: true, finalCloseCode: 4500 })).toBe("damaged");
  });

  it("is paused after the server's 1013, open socket or not, until saving works again", () => {
    const paused = { ...INITIAL_FACTS, everConnected: true, storagePaused: true };
    expect(connectionStatus({ ...paused, failedAttempts: 1 })).toBe("paused");
    // The provider's reconnect opens a socket the server may close again at once: still paused.
    expect(connectionStatus({ ...paused, socketOpen: true })).toBe("paused");
    expect(connectionStatus({ ...paused, socketOpen: true, storagePaused: false })).toBe("connected");
    // Losing the network is the bigger news.
    expect(connectionStatus({ ...paused, browserOnline: false })).toBe("offline");
  });
});

describe("shouldReconnect", () => {
  it("gives up on the closes the server means for good: deleted, links reset, data damaged", () => {
    for (const code of [4404, 4401, 4403, 4500]) expect(shouldReconnect({ code }), String(code)).toBe(false);
  });

  it("retries a dropped network, a restart, and 1013, after which the provider resends what was not stored", () => {
    for (const code of [1006, 1001, 1013, 1011, 4501]) expect(shouldReconnect({ code }), String(code)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { INITIAL_FACTS, OFFLINE_AFTER_FAILURES, connectionStatus } from "./connection-status";

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
});

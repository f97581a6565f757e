import { WS_CLOSE } from "@whiteboard/shared";

/**
 * What the editor tells its user about the live connection. "paused": the server could not
 * store the last edits (1013) and the provider keeps retrying. "damaged": the board's stored
 * data is damaged (4500) and the server keeps it aside; nothing retries.
 */
export type ConnectionStatus =
  | "connecting"
  | "connected"
  | "reconnecting"
  | "paused"
  | "offline"
  | "deleted"
  | "reset"
  | "damaged";

/** The statuses after which this page never connects again; each has a page of its own. */
export const FINAL_STATUSES: ReadonlySet<ConnectionStatus> = new Set(["deleted", "reset", "damaged"]);

/** Everything the status is derived from; `connection-watch` keeps it current. */
export interface ConnectionFacts {
  socketOpen: boolean;
  /** Whether this page has been connected at least once: the first attempt is not a "re"-connect. */
  everConnected: boolean;
  browserOnline: boolean;
  /** Closed attempts since the last one that synced. */
  failedAttempts: number;
  /** The close code of a close the provider will not retry, once there was one. */
  finalCloseCode: number | null;
  /** The boards API answered 404 while we could not connect: deleted while we were away. */
  boardGone: boolean;
  /**
   * The last close was the server's 1013 (its storage refused a write), and no connection since
   * has stayed open long enough to count as saving again.
   */
  storagePaused: boolean;
}

/**
 * Close codes 4400-4499 mirror HTTP 4xx: the server decided, and retrying cannot change it
 * (4404: the board was deleted; 4401: its links were reset, so this id opens nothing). 4500 is
 * final too, though the stock provider would retry it: the board's stored data is damaged and
 * the server keeps it aside until an operator repairs it, so each retry would only be refused
 * again. Anything else is worth retrying: a dropped network, and 1013 (the server could not
 * store the last edits), after which the provider reconnects to the stored board and resends.
 * The deleted, reset and damaged pages depend on this.
 */
export function shouldReconnect(event: Pick<CloseEvent, "code">): boolean {
  if (event.code === WS_CLOSE.boardDamaged) return false;
  // Written as a negated range, like the stock provider's: a close with no code is not final.
  return !(event.code >= 4400 && event.code < 4500);
}

/**
 * The provider backs off 200 ms, 400 ms, 800 ms, 1.6 s, then 2.5 s: after four failures a few
 * seconds have gone, long enough that "reconnecting" would be an optimistic way to put it.
 */
export const OFFLINE_AFTER_FAILURES = 4;

export const INITIAL_FACTS: ConnectionFacts = {
  socketOpen: false,
  everConnected: false,
  browserOnline: true,
  failedAttempts: 0,
  finalCloseCode: null,
  boardGone: false,
  storagePaused: false,
};

export function connectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.boardGone || facts.finalCloseCode === WS_CLOSE.boardDeleted) return "deleted";
  if (facts.finalCloseCode === WS_CLOSE.linksReset) return "reset";
  if (facts.finalCloseCode === WS_CLOSE.boardDamaged) return "damaged";
  // Any other final close: the server refuses this page for good, and nothing will retry.
  if (facts.finalCloseCode !== null) return "offline";
  // The browser knows first: a socket can look open for a while after the network has gone.
  if (!facts.browserOnline) return "offline";
  // Before "connected": while the disk stays full, each reconnect opens, resends, and is closed
  // again at once, and that brief open is not the server saving.
  if (facts.storagePaused) return "paused";
  if (facts.socketOpen) return "connected";
  if (facts.failedAttempts >= OFFLINE_AFTER_FAILURES) return "offline";
  return facts.everConnected ? "reconnecting" : "connecting";
}

import { WS_CLOSE } from "@whiteboard/shared";

/** What the editor tells its user about the live connection. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "deleted" | "reset";

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
}

/** SPEC's close codes: the board was deleted, or its links were reset, while you were connected. */
const BOARD_DELETED_CLOSE = WS_CLOSE.boardDeleted;
const LINKS_RESET_CLOSE = WS_CLOSE.linksReset;

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
};

export function connectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.boardGone || facts.finalCloseCode === BOARD_DELETED_CLOSE) return "deleted";
  if (facts.finalCloseCode === LINKS_RESET_CLOSE) return "reset";
  // Any other final close: the server refuses this page for good, and nothing will retry.
  if (facts.finalCloseCode !== null) return "offline";
  // The browser knows first: a socket can look open for a while after the network has gone.
  if (!facts.browserOnline) return "offline";
  if (facts.socketOpen) return "connected";
  if (facts.failedAttempts >= OFFLINE_AFTER_FAILURES) return "offline";
  return facts.everConnected ? "reconnecting" : "connecting";
}

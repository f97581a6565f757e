import type { ConnectionStatus } from "../board/connection-status";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "connected",
  reconnecting: "reconnecting…",
  paused: "saving paused",
  offline: "offline",
  deleted: "deleted",
  reset: "link reset",
  damaged: "unavailable",
};

const HINTS: Record<ConnectionStatus, string> = {
  connecting: "Opening the live connection to the board.",
  connected: "Live: your changes reach everyone on the board as you make them.",
  reconnecting: "The connection dropped. Keep drawing: your changes are kept and sent when it is back.",
  paused:
    "The server can't save right now, so it did not pass on your last changes. Keep drawing: they are kept here and sent again until it can.",
  offline: "No connection. Keep drawing: your changes are kept and sent when the connection returns.",
  deleted: "This board was deleted.",
  reset: "This board's links were reset: this edit link no longer opens it.",
  damaged: "This board's saved data is damaged; the server keeps it aside until it is repaired.",
};

/** The live connection's state, always visible: drawing offline works, but the user should know. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`connection ${status}`} data-testid="connection-status" role="status" title={HINTS[status]}>
      {LABELS[status]}
    </span>
  );
}

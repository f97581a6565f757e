import type { FeedStatus } from "./feed-client";

type ShownStatus = Exclude<FeedStatus, "deleted" | "damaged">;

const LABELS: Record<ShownStatus, string> = {
  connecting: "connecting…",
  live: "live",
  reconnecting: "reconnecting…",
  paused: "paused",
};

const HINTS: Record<ShownStatus, string> = {
  connecting: "Opening the live feed of the board.",
  live: "Live: you see changes as they are made.",
  reconnecting: "The feed dropped. It reconnects by itself and catches up on what you missed.",
  paused: "Paused while this tab is hidden, so it holds no connection. It catches up when you come back.",
};

/** Whether what the viewer sees is current; a deleted or damaged board has its own page instead. */
export function FeedBadge({ status }: { status: ShownStatus }) {
  return (
    <span className={`feed-status ${status}`} data-testid="viewer-status" role="status" title={HINTS[status]}>
      {LABELS[status]}
    </span>
  );
}

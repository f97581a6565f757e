import { useId, useState } from "react";
import type { TrashEntry } from "@whiteboard/shared";
import { formatRelativeTime } from "./relative-time";
import { formatTimeLeft } from "./time-left";

/** A deleted board, restorable until its purge; nothing opens it meanwhile (its links answer 404). */
export function TrashRow({ entry, now, onRestore }: { entry: TrashEntry; now: number; onRestore: () => Promise<boolean> }) {
  const nameId = useId();
  const [busy, setBusy] = useState(false);

  return (
    <li className="trash-row" data-testid="trash-row" data-view-id={entry.viewId}>
      <div className="board-main">
        <h4 className="board-name" id={nameId} title={entry.name}>
          {entry.name}
        </h4>
        <p className="board-meta">
          <span className="meta-item">
            Deleted{" "}
            <time dateTime={entry.deletedAt} title={entry.deletedAt}>
              {formatRelativeTime(entry.deletedAt, now)}
            </time>
          </span>
          <span className="meta-item">
            gone for good{" "}
            <time dateTime={entry.purgeAt} title={entry.purgeAt} data-testid="purge-at">
              {formatTimeLeft(entry.purgeAt, now)}
            </time>
          </span>
        </p>
      </div>
      <button
        type="button"
        className="button small"
        data-testid="restore-board"
        aria-describedby={nameId}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onRestore();
          setBusy(false);
        }}
      >
        Restore
      </button>
    </li>
  );
}

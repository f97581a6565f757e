import { useId, useState } from "react";
import type { TrashEntry } from "@whiteboard/shared";
import { MetaTime } from "./MetaTime";
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
          <MetaTime label="Deleted" iso={entry.deletedAt} text={formatRelativeTime(entry.deletedAt, now)} />
          <MetaTime label="gone for good" iso={entry.purgeAt} text={formatTimeLeft(entry.purgeAt, now)} testid="purge-at" />
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

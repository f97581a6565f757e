import { useMemo, useState } from "react";
import { useStore } from "zustand";
import { type Board, POLL_INTERVAL_MS } from "@whiteboard/shared";
import { PageShell } from "../pages/PageShell";
import { BoardRow } from "./BoardRow";
import { createBoard, deleteBoard, fetchBoards, renameBoard } from "./boards-api";
import { DeleteBoardDialog } from "./DeleteBoardDialog";
import { createGalleryActions } from "./gallery-actions";
import { createGalleryStore } from "./gallery-store";
import { NewBoardForm } from "./NewBoardForm";
import { formatRelativeTime } from "./relative-time";
import { useNow } from "./use-now";
import { usePoller } from "./use-poller";

/** Relative times move by the minute; twice a minute keeps them honest without churn. */
const CLOCK_TICK_MS = 30_000;
const ERROR_ID = "gallery-error";

/** The saved boards: listed, created, renamed, deleted and shared, kept in sync by polling. */
export function Gallery() {
  // One store per page: created here, handed down, never a module-level singleton.
  const [store] = useState(() => createGalleryStore({ fetchBoards }));
  const boards = useStore(store, (s) => s.boards);
  const loaded = useStore(store, (s) => s.loaded);
  const syncError = useStore(store, (s) => s.syncError);
  const actionError = useStore(store, (s) => s.actionError);
  const lastSyncedAt = useStore(store, (s) => s.lastSyncedAt);
  const sync = useStore(store, (s) => s.sync);

  const pollNow = usePoller(sync, POLL_INTERVAL_MS);
  const actions = useMemo(
    () => createGalleryActions({ store, api: { createBoard, renameBoard, deleteBoard }, refresh: pollNow }),
    [store, pollNow],
  );
  const now = useNow(CLOCK_TICK_MS);
  const [pendingDelete, setPendingDelete] = useState<Board | null>(null);

  return (
    <PageShell title="Whiteboard">
      <section className="gallery" aria-labelledby="gallery-title">
        <header className="gallery-head">
          <div>
            <h1 id="gallery-title">Your boards</h1>
            <p className="muted small">
              {/* A no-break space holds the line while the body says it is loading. */}
              {loaded ? countOf(boards.length) : "\u00a0"}
              {lastSyncedAt !== null && ` · synced ${formatRelativeTime(new Date(lastSyncedAt).toISOString(), now)}`}
            </p>
          </div>
          <NewBoardForm onCreate={actions.create} />
        </header>

        {actionError && (
          <div className="notice error">
            <p role="alert" id={ERROR_ID} data-testid="gallery-error">
              {actionError}
            </p>
            <button type="button" className="button small ghost" onClick={() => actions.reportError(null)}>
              Dismiss
            </button>
          </div>
        )}
        {syncError && (
          <p className="notice warning" role="status" data-testid="gallery-sync-error">
            Could not refresh the list: {syncError} It will retry on its own.
          </p>
        )}

        {!loaded ? (
          !syncError && (
            <p className="muted" role="status">
              Loading your boards…
            </p>
          )
        ) : boards.length === 0 ? (
          <div className="empty" data-testid="gallery-empty">
            <span className="empty-art" aria-hidden="true" />
            <h2>No boards yet</h2>
            <p className="muted">Create one to start drawing; share its view link with anyone who should watch.</p>
          </div>
        ) : (
          <ul className="board-list" aria-label="Saved boards">
            {boards.map((board) => (
              <BoardRow
                key={board.id}
                board={board}
                now={now}
                errorId={ERROR_ID}
                onRename={(name) => actions.rename(board, name)}
                onDelete={() => setPendingDelete(board)}
                onCopyResult={actions.reportError}
              />
            ))}
          </ul>
        )}
      </section>

      {pendingDelete && (
        <DeleteBoardDialog
          board={pendingDelete}
          onCancel={() => setPendingDelete(null)}
          onConfirm={async () => {
            await actions.remove(pendingDelete);
            setPendingDelete(null);
          }}
        />
      )}
    </PageShell>
  );
}

function countOf(n: number): string {
  return n === 1 ? "1 board" : `${n} boards`;
}

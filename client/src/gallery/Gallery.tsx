import { useMemo, useState } from "react";
import { useStore } from "zustand";
import { type EditEntry, type Library, POLL_INTERVAL_MS } from "@whiteboard/shared";
import { createBoard, deleteBoard, renameBoard, restoreBoard } from "../api/boards-api";
import {
  addToLibrary,
  createDeviceLink,
  createLibrary,
  fetchLibrary,
  joinLibrary,
  leaveLibrary,
  removeFromLibrary,
  rotateInvite,
} from "../api/library-api";
import { ChannelsToggle } from "../channels/ChannelsToggle";
import { createPollMeter } from "../channels/poll-meter";
import { ConfirmDialog } from "../controls/ConfirmDialog";
import { PageShell } from "../pages/PageShell";
import { type Arrival, arrivalNotice } from "./arrival";
import { DeviceLinkPanel } from "./DeviceLinkPanel";
import { TRASH_DAYS, createLibraryActions } from "./library-actions";
import { createLibraryStore } from "./library-store";
import { libraryTitle } from "./library-title";
import { LibrarySection } from "./LibrarySection";
import { NewLibraryForm } from "./NewLibraryForm";
import { PasteLinkForm } from "./PasteLinkForm";
import { formatRelativeTime } from "./relative-time";
import { useNow } from "./use-now";
import { usePoller } from "./use-poller";
import "./libraries.css";

/** Relative times move by the minute; twice a minute keeps them honest without churn. */
const CLOCK_TICK_MS = 30_000;
const ERROR_ID = "gallery-error";

const API = {
  createBoard,
  renameBoard,
  deleteBoard,
  restoreBoard,
  addToLibrary,
  removeFromLibrary,
  createLibrary,
  joinLibrary,
  rotateInvite,
  leaveLibrary,
};

/**
 * `/`: the boards of every library this browser's member belongs to, its own first, kept in
 * sync by polling. Nothing here is global: a fresh browser starts with an empty list. `arrival`:
 * the link that just changed the list (`/join/:invite` and `/device/:token` show this page once
 * they have), told once in a notice.
 */
export function Gallery({ arrival }: { arrival?: Arrival }) {
  // One store per page: created here, handed down, never a module-level singleton. So is the
  // meter of its polls, for the "How this works" panel.
  const [meter] = useState(createPollMeter);
  const [store] = useState(() => createLibraryStore({ fetchLibrary: (etag) => fetchLibrary(etag, { meter }) }));
  const libraries = useStore(store, (s) => s.libraries);
  const loaded = useStore(store, (s) => s.loaded);
  const syncError = useStore(store, (s) => s.syncError);
  const actionError = useStore(store, (s) => s.actionError);
  const notice = useStore(store, (s) => s.notice);
  const lastSyncedAt = useStore(store, (s) => s.lastSyncedAt);
  const sync = useStore(store, (s) => s.sync);

  const pollNow = usePoller(sync, POLL_INTERVAL_MS);
  const actions = useMemo(() => createLibraryActions({ store, api: API, refresh: pollNow }), [store, pollNow]);
  const now = useNow(CLOCK_TICK_MS);
  const [pendingDelete, setPendingDelete] = useState<EditEntry | null>(null);
  const [pendingLeave, setPendingLeave] = useState<Library | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const [arrivalShown, setArrivalShown] = useState(arrival !== undefined);

  const boardCount = libraries.reduce((sum, library) => sum + library.boards.length, 0);
  // A board in two libraries is in both trashes; it is one board to restore.
  const trashCount = new Set(libraries.flatMap((library) => library.trash.map((entry) => entry.viewId))).size;

  return (
    <PageShell title="Whiteboard" actions={<ChannelsToggle meter={meter} side="right" />}>
      <section className="gallery" aria-labelledby="gallery-title">
        <header className="gallery-head">
          <div>
            <h1 id="gallery-title">Your libraries</h1>
            <p className="muted small">
              {/* A no-break space holds the line while the body says it is loading. */}
              {loaded ? summaryOf(boardCount, libraries.length) : "\u00a0"}
              {lastSyncedAt !== null && ` · synced ${formatRelativeTime(new Date(lastSyncedAt).toISOString(), now)}`}
            </p>
          </div>
          <div className="gallery-tool-buttons">
            <DeviceLinkPanel createLink={createDeviceLink} />
            <button
              type="button"
              className="button"
              data-testid="show-trash"
              aria-pressed={showTrash}
              onClick={() => setShowTrash((shown) => !shown)}
            >
              {showTrash ? "Hide trash" : trashCount > 0 ? `Trash (${trashCount})` : "Trash"}
            </button>
          </div>
        </header>

        <PasteLinkForm onAdd={actions.addByLink} />

        {arrival && arrivalShown && (
          <div className="notice success">
            <p role="status" data-testid="join-status" data-state="joined" data-via={arrival.via}>
              {arrivalNotice(arrival)}
            </p>
            <button type="button" className="button small ghost" onClick={() => setArrivalShown(false)}>
              Dismiss
            </button>
          </div>
        )}
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
        {notice && (
          <div className="notice success">
            <p role="status" data-testid="gallery-notice">
              {notice}
            </p>
            <button type="button" className="button small ghost" onClick={actions.dismissNotice}>
              Dismiss
            </button>
          </div>
        )}
        {showTrash && loaded && trashCount === 0 && (
          <p className="notice info" role="status" data-testid="trash-empty">
            The trash is empty. Deleted boards wait there for {TRASH_DAYS} days before they are gone for good.
          </p>
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
        ) : (
          <div className="libraries">
            {libraries.map((library) => (
              <LibrarySection
                key={library.id}
                library={library}
                now={now}
                errorId={ERROR_ID}
                showTrash={showTrash}
                actions={actions}
                onDelete={setPendingDelete}
                onLeave={setPendingLeave}
              />
            ))}
          </div>
        )}

        <NewLibraryForm onCreate={actions.createLibrary} />
      </section>

      {pendingDelete && (
        <ConfirmDialog
          title={`Move “${pendingDelete.name}” to the trash?`}
          confirmLabel="Move to trash"
          confirmTestId="confirm-delete"
          onCancel={() => setPendingDelete(null)}
          onConfirm={async () => {
            await actions.trash(pendingDelete);
            setPendingDelete(null);
          }}
        >
          <p>
            It stays in the trash for {TRASH_DAYS} days, where anyone who can edit it can restore it; after that it is gone for
            good. Until then its links open nothing, and anyone editing or watching it now is disconnected.
          </p>
        </ConfirmDialog>
      )}

      {pendingLeave && (
        <ConfirmDialog
          title={`Leave “${libraryTitle(pendingLeave)}”?`}
          confirmLabel="Leave library"
          confirmTestId="confirm-leave"
          onCancel={() => setPendingLeave(null)}
          onConfirm={async () => {
            await actions.leave(pendingLeave);
            setPendingLeave(null);
          }}
        >
          <p>
            Its boards leave your list (boards you saved to your own list stay there). The other members keep the library. To
            come back you need a current invite link.
          </p>
        </ConfirmDialog>
      )}
    </PageShell>
  );
}

function summaryOf(boards: number, libraries: number): string {
  const boardText = boards === 1 ? "1 board" : `${boards} boards`;
  return libraries <= 1 ? boardText : `${boardText} in ${libraries} libraries`;
}

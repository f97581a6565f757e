import { useId } from "react";
import type { EditEntry, Library, LibraryEntry } from "@whiteboard/shared";
import { CopyTextButton } from "../controls/CopyTextButton";
import { joinUrl } from "../routes";
import { BoardRow } from "./BoardRow";
import type { LibraryActions } from "./library-actions";
import { libraryTitle } from "./library-title";
import { NewBoardForm } from "./NewBoardForm";
import { TrashRow } from "./TrashRow";

/**
 * One library: its boards and a "New board" that creates into it, its trash when asked for, and
 * for a shared one its invite and the way out.
 */
export function LibrarySection({
  library,
  now,
  errorId,
  showTrash,
  actions,
  onDelete,
  onLeave,
}: {
  library: Library;
  now: number;
  errorId: string;
  showTrash: boolean;
  actions: LibraryActions;
  onDelete: (entry: EditEntry) => void;
  onLeave: (library: Library) => void;
}) {
  const titleId = useId();
  const title = libraryTitle(library);
  const { invite } = library;

  return (
    <section
      className="library"
      data-testid="library"
      data-library-id={library.id}
      data-personal={library.personal ? "true" : "false"}
      aria-labelledby={titleId}
    >
      <header className="library-head">
        <div className="library-title">
          <h2 id={titleId} data-testid="library-name">
            {title}
          </h2>
          <p className="muted small">
            {countOf(library.boards.length)}
            {library.personal ? " · only you see this list" : " · shared: every member sees these boards"}
          </p>
          {!library.personal && (
            <div className="library-actions">
              {invite !== undefined && (
                <CopyTextButton
                  text={() => joinUrl(window.location.origin, invite)}
                  label="Copy invite link"
                  what="the invite link"
                  testId="copy-invite"
                  describedBy={titleId}
                  onResult={actions.reportError}
                />
              )}
              <button
                type="button"
                className="button small ghost"
                data-testid="rotate-invite"
                aria-describedby={titleId}
                title="Make a new invite link; the old one stops working. Members stay members."
                onClick={() => void actions.rotateInvite(library)}
              >
                New invite link
              </button>
              <button
                type="button"
                className="button small ghost danger-text"
                data-testid="leave-library"
                aria-describedby={titleId}
                onClick={() => onLeave(library)}
              >
                Leave
              </button>
            </div>
          )}
        </div>
        {/* The personal library is the server's default: no id sent, so it works before a sync. */}
        <NewBoardForm libraryTitle={title} onCreate={(name) => actions.createBoard(name, library.personal ? undefined : library.id)} />
      </header>

      {library.boards.length === 0 ? (
        library.personal ? (
          <div className="empty" data-testid="gallery-empty">
            <span className="empty-art" aria-hidden="true" />
            <h3>No boards yet</h3>
            <p className="muted">
              Create one with New board, or paste a link someone shared with you. Boards you open are saved here too.
            </p>
          </div>
        ) : (
          <p className="library-empty muted" data-testid="library-empty">
            No boards here yet. A board made here with New board is seen by every member.
          </p>
        )
      ) : (
        <ul className="board-list" aria-label={`Boards in ${title}`}>
          {library.boards.map((entry: LibraryEntry) => (
            <BoardRow
              key={entry.viewId}
              entry={entry}
              now={now}
              errorId={errorId}
              onRename={actions.rename}
              onDelete={onDelete}
              onRemove={() => void actions.removeFromLibrary(library, entry)}
              onCopyResult={actions.reportError}
            />
          ))}
        </ul>
      )}

      {/* Only where there is something to restore: an empty trash per library would be noise. */}
      {showTrash && library.trash.length > 0 && (
        <div className="trash" aria-label={`Trash of ${title}`} role="group">
          <h3 className="trash-title">Trash</h3>
          <ul className="trash-list">
            {library.trash.map((entry) => (
              <TrashRow key={entry.viewId} entry={entry} now={now} onRestore={() => actions.restore(entry)} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function countOf(n: number): string {
  return n === 1 ? "1 board" : `${n} boards`;
}

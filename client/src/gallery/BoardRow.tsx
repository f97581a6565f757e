import { type CSSProperties, useId, useState } from "react";
import type { EditEntry, LibraryEntry } from "@whiteboard/shared";
import { editorPath, viewerPath } from "../routes";
import { hueOf, initialOf } from "./board-tile";
import { CopyViewLinkButton } from "./CopyViewLinkButton";
import { MetaTime } from "./MetaTime";
import { RenameForm } from "./RenameForm";
import { formatRelativeTime } from "./relative-time";

/** Where an entry opens: the editor for an edit entry, the viewer for a view one (it has no id). */
export function openPath(entry: LibraryEntry): string {
  return entry.role === "edit" ? editorPath(entry.id) : viewerPath(entry.viewId);
}

export function BoardRow({
  entry,
  now,
  errorId,
  onRename,
  onDelete,
  onRemove,
  onCopyResult,
}: {
  entry: LibraryEntry;
  now: number;
  errorId: string;
  onRename: (entry: EditEntry, name: string) => Promise<boolean>;
  onDelete: (entry: EditEntry) => void;
  onRemove: () => void;
  onCopyResult: (error: string | null) => void;
}) {
  const nameId = useId();
  const [renaming, setRenaming] = useState(false);
  const live = entry.editors + entry.viewers > 0;
  const href = openPath(entry);
  const editable = entry.role === "edit" ? entry : null;

  return (
    <li
      className="board-row"
      data-testid="board-row"
      data-view-id={entry.viewId}
      data-role={entry.role}
      {...(editable ? { "data-board-id": editable.id } : {})}
    >
      {/* Keyed by the view id: an edit id must not be derivable from anything a view entry shows. */}
      <span className="board-tile" aria-hidden="true" style={{ "--tile-hue": hueOf(entry.viewId) } as CSSProperties}>
        {initialOf(entry.name)}
      </span>

      <div className="board-main">
        {renaming && editable ? (
          <RenameForm
            initialName={entry.name}
            errorId={errorId}
            onCancel={() => setRenaming(false)}
            onSave={async (name) => {
              const saved = await onRename(editable, name);
              if (saved) setRenaming(false);
              return saved;
            }}
          />
        ) : (
          <h3 className="board-name" id={nameId} data-testid="board-name">
            {/* Out of the tab order: "Open" is the keyboard's way in; this is a bigger target for a mouse. */}
            <a href={href} tabIndex={-1} title={entry.name}>
              {entry.name}
            </a>
          </h3>
        )}
        <p className="board-meta">
          <span className={`role-badge ${entry.role}`} data-testid="board-role">
            {entry.role === "edit" ? "Can edit" : "View only"}
          </span>
          <MetaTime label="Edited" iso={entry.updatedAt} text={formatRelativeTime(entry.updatedAt, now)} />
          <span className="meta-item">{entry.elementCount === 1 ? "1 element" : `${entry.elementCount} elements`}</span>
        </p>
      </div>

      <p className={live ? "presence live" : "presence"} data-testid="board-presence">
        {entry.editors} editing · {entry.viewers} watching
      </p>

      <div className="board-actions">
        <a className="button small primary" data-testid="open-board" href={href} aria-describedby={nameId}>
          Open
        </a>
        <CopyViewLinkButton viewId={entry.viewId} describedBy={nameId} onResult={onCopyResult} />
        {editable && (
          <>
            <button
              type="button"
              className="button small ghost"
              data-testid="rename-board"
              aria-describedby={nameId}
              aria-pressed={renaming}
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
            <button
              type="button"
              className="button small ghost danger-text"
              data-testid="delete-board"
              aria-describedby={nameId}
              onClick={() => onDelete(editable)}
            >
              Delete
            </button>
          </>
        )}
        <button
          type="button"
          className="button small ghost"
          data-testid="remove-from-library"
          aria-describedby={nameId}
          title="Take it off this list. The board itself stays, and so do its links."
          onClick={onRemove}
        >
          Remove from library
        </button>
      </div>
    </li>
  );
}

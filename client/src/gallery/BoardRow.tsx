import { type CSSProperties, useId, useState } from "react";
import type { Board } from "@whiteboard/shared";
import { editorPath } from "../routes";
import { CopyViewLinkButton } from "./CopyViewLinkButton";
import { RenameForm } from "./RenameForm";
import { formatRelativeTime } from "./relative-time";

export function BoardRow({
  board,
  now,
  errorId,
  onRename,
  onDelete,
  onCopyResult,
}: {
  board: Board;
  now: number;
  errorId: string;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
  onCopyResult: (error: string | null) => void;
}) {
  const nameId = useId();
  const [renaming, setRenaming] = useState(false);
  const live = board.editors + board.viewers > 0;

  return (
    <li className="board-row" data-testid="board-row" data-board-id={board.id}>
      <span className="board-tile" aria-hidden="true" style={{ "--tile-hue": hueOf(board.id) } as CSSProperties}>
        {initialOf(board.name)}
      </span>

      <div className="board-main">
        {renaming ? (
          <RenameForm
            initialName={board.name}
            errorId={errorId}
            onCancel={() => setRenaming(false)}
            onSave={async (name) => {
              const saved = await onRename(name);
              if (saved) setRenaming(false);
              return saved;
            }}
          />
        ) : (
          <h2 className="board-name" id={nameId} data-testid="board-name">
            {/* Out of the tab order: "Open" is the keyboard's way in; this is a bigger target for a mouse. */}
            <a href={editorPath(board.id)} tabIndex={-1} title={board.name}>
              {board.name}
            </a>
          </h2>
        )}
        <p className="board-meta">
          Edited{" "}
          <time dateTime={board.updatedAt} title={board.updatedAt}>
            {formatRelativeTime(board.updatedAt, now)}
          </time>
          <span aria-hidden="true"> · </span>
          {board.elementCount === 1 ? "1 element" : `${board.elementCount} elements`}
        </p>
      </div>

      <p className={live ? "presence live" : "presence"} data-testid="board-presence">
        {board.editors} editing · {board.viewers} watching
      </p>

      <div className="board-actions">
        <a className="button small primary" data-testid="open-board" href={editorPath(board.id)} aria-describedby={nameId}>
          Open
        </a>
        <CopyViewLinkButton viewId={board.viewId} describedBy={nameId} onResult={onCopyResult} />
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
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** A steady colour per board, so a board is recognisable at a glance before its name is read. */
function hueOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function initialOf(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? "?";
}

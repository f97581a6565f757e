import { type Board } from "@whiteboard/shared";
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { BoardCanvas } from "../canvas/BoardCanvas";
import { createFrameLoop } from "../canvas/frame-loop";
import { createViewportStore } from "../canvas/viewport-store";
import { publishCursor } from "../presence/cursor-publisher";
import { type Identity, loadIdentity, saveName } from "../presence/identity";
import { PresenceList } from "../presence/PresenceList";
import { RemoteCursors } from "../presence/RemoteCursors";
import { attachCanvasInput } from "../tools/canvas-input";
import { createHand } from "../tools/hand";
import { createPen } from "../tools/pen";
import { BoardDeletedPage } from "./BoardDeletedPage";
import { ConnectionBadge } from "./ConnectionBadge";
import { createEditorStore } from "./editor-store";
import { NameField } from "./NameField";
import { Toolbar } from "./Toolbar";
import { useLiveBoard } from "./use-live-board";
import { ShareViewLink } from "./ShareViewLink";

/** The live editor of a board known to exist: canvas, tools, presence and connection state. */
export function EditorView({ board }: { board: Board }) {
  const [store] = useState(createEditorStore);
  const [viewport] = useState(() => createViewportStore());
  const [frames] = useState(() => createFrameLoop(window));
  const [identity, setIdentity] = useState<Identity>(() => loadIdentity(browserStorage()));
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const { live, status } = useLiveBoard(board.id, identity);
  const toolRef = useRef(store.getState().tool);
  toolRef.current = useStore(store, (s) => s.tool);

  useEffect(() => {
    document.title = `${board.name} · Whiteboard`;
  }, [board.name]);

  useEffect(() => () => frames.cancel(), [frames]);

  // Our name and colour on our cursor, changed in place: the awareness state is the source others read.
  useEffect(() => {
    live?.connection.awareness.setLocalStateField("user", { name: identity.name, color: identity.color });
  }, [live, identity]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!live || !canvas) return;
    const pen = createPen({
      doc: live.connection.doc,
      frames,
      ink: () => store.getState(),
      author: () => identityRef.current.name,
    });
    const cursor = publishCursor(live.connection.awareness, frames);
    const detach = attachCanvasInput({
      canvas,
      viewport,
      tool: () => toolRef.current,
      pen,
      hand: createHand(viewport),
      cursor,
    });
    return () => {
      detach();
      cursor.stop();
      pen.stop();
    };
  }, [live, frames, store, viewport]);

  if (status === "deleted") return <BoardDeletedPage name={board.name} />;

  return (
    <div className="editor">
      {live ? (
        <BoardCanvas
          doc={live.connection.doc}
          viewport={viewport}
          frames={frames}
          canvasRef={canvasRef}
          testId="editor-canvas"
          label={`Board ${board.name}`}
        />
      ) : (
        <div className="board-canvas" />
      )}
      {live && <RemoteCursors presence={live.presence} viewport={viewport} />}

      <header className="editor-bar">
        <div className="editor-bar-group">
          <a className="brand editor-brand" href="/" title="Back to your boards">
            <span className="brand-mark" aria-hidden="true" />
            <span className="visually-hidden">Whiteboard: back to your boards</span>
          </a>
          <h1 className="editor-title" data-testid="board-title">
            {board.name}
          </h1>
          <ConnectionBadge status={status} />
        </div>
        <div className="editor-bar-group">
          <ShareViewLink viewId={board.viewId} />
          {live && <PresenceList presence={live.presence} />}
          <NameField
            name={identity.name}
            color={identity.color}
            onChange={(name) => {
              saveName(browserStorage(), name);
              setIdentity((current) => ({ ...current, name }));
            }}
          />
        </div>
      </header>

      <Toolbar store={store} />
    </div>
  );
}

/** `localStorage`, or null where merely touching it throws (storage disabled, some private modes). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

import { type Board } from "@whiteboard/shared";
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { resetBoardLinks } from "../api/boards-api";
import { editorPath } from "../routes";
import { BoardCanvas } from "../canvas/BoardCanvas";
import { useScene } from "../canvas/use-scene";
import { type FrameLoop, createFrameLoop } from "../canvas/frame-loop";
import { type ViewportStore, createViewportStore } from "../canvas/viewport-store";
import type { FollowStore } from "../presence/follow";
import type { PresenceStore } from "../presence/presence-store";
import { publishCursor } from "../presence/cursor-publisher";
import { type Identity, loadIdentity, saveName } from "../presence/identity";
import { PresenceList } from "../presence/PresenceList";
import { RemoteCursors } from "../presence/RemoteCursors";
import { BoardDamagedPage } from "./BoardDamagedPage";
import { BoardDeletedPage } from "./BoardDeletedPage";
import { ChannelsToggle } from "../channels/ChannelsToggle";
import { ConnectionBadge } from "./ConnectionBadge";
import { type EditorSession, createEditorSession } from "./editor-session";
import { createEditorStore } from "./editor-store";
import { FollowBanner } from "./FollowBanner";
import { HelpPanel } from "./HelpPanel";
import { NameField } from "./NameField";
import { OverlayCanvas } from "./overlay/OverlayCanvas";
import { ShareMenu } from "./ShareMenu";
import { LinksResetPage } from "./LinksResetPage";
import { BoardExportMenu } from "./BoardExportMenu";
import { ThemeToggle } from "../canvas/ThemeToggle";
import { StylePanel } from "./StylePanel";
import { exposeEditorForTests } from "./test-hook";
import { TextEditor } from "./text/TextEditor";
import { Toolbar } from "./Toolbar";
import { useLiveBoard } from "./use-live-board";
import { ZoomBar } from "./ZoomBar";
import "./editor-tools.css";

/** The live editor of a board known to exist: canvas, tools, presence and connection state. */
export function EditorView({ board }: { board: Board }) {
  const [store] = useState(() => createEditorStore(browserStorage()));
  const [viewport] = useState(() => createViewportStore());
  const [frames] = useState(() => createFrameLoop(window));
  const [identity, setIdentity] = useState<Identity>(() => loadIdentity(browserStorage()));
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const { live, status } = useLiveBoard(board.id, identity);
  // One read of the doc for drawing and hit testing alike.
  const scene = useScene(live?.connection.doc ?? null);
  const [session, setSession] = useState<EditorSession | null>(null);
  const helpOpen = useStore(store, (s) => s.helpOpen);
  // Our own reset closes our socket with 4401 too, before its answer arrives: not news to show.
  const [resettingHere, setResettingHere] = useState(false);

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
    if (!live || !canvas || !scene) return;
    const { doc, awareness } = live.connection;
    const cursor = publishCursor(awareness, frames);
    const created = createEditorSession({ doc, scene, awareness, canvas, viewport, frames, store, author: () => identityRef.current.name, cursor });
    const hideFromTests = exposeEditorForTests(doc, () => viewport.getState(), () => created.selection.getState().ids);
    setSession(created);
    return () => {
      hideFromTests();
      setSession(null);
      created.destroy();
      cursor.stop();
    };
  }, [live, scene, frames, store, viewport]);

  if (status === "deleted") return <BoardDeletedPage name={board.name} />;
  if (status === "reset" && !resettingHere) return <LinksResetPage name={board.name} />;
  if (status === "damaged") return <BoardDamagedPage name={board.name} />;

  return (
    <div className="editor">
      {live && scene ? (
        <BoardCanvas
          doc={live.connection.doc}
          viewport={viewport}
          frames={frames}
          canvasRef={canvasRef}
          testId="editor-canvas"
          label={`Board ${board.name}`}
          scene={scene}
        />
      ) : (
        <div className="board-canvas" />
      )}
      {session && <BoardOverlay session={session} viewport={viewport} frames={frames} laserColor={identity.color} />}
      {live && <RemoteCursors presence={live.presence} viewport={viewport} />}
      {session && <TextEditing session={session} viewport={viewport} />}
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
          {live && <ChannelsToggle meter={live.connection.meter} side="left" />}
        </div>
        <div className="editor-bar-group">
          <ShareMenu
            board={board}
            resetLinks={resetBoardLinks}
            onResetting={setResettingHere}
            moveTo={(next) => window.location.replace(editorPath(next.id))}
          />
          {live && session && <BoardExportMenu doc={live.connection.doc} boardName={board.name} session={session} />}
          <ThemeToggle />
          {live && session ? (
            <FollowablePresence presence={live.presence} follow={session.follow} />
          ) : (
            live && <PresenceList presence={live.presence} />
          )}
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

      {live && session && <FollowBanner presence={live.presence} follow={session.follow} />}
      {session && <StylePanel store={store} query={session.query} selection={session.selection} restyle={session.restyle} />}
      {session && <Toolbar store={store} edits={session.edits} />}
      {session && <ZoomBar viewport={viewport} zoom={session.zoom} />}
      <HelpPanel open={helpOpen} onClose={() => store.getState().setHelpOpen(false)} />
    </div>
  );
}

/** The overlay canvas over the board: selections, marquee, eraser preview, lasers. */
function BoardOverlay({ session, viewport, frames, laserColor }: { session: EditorSession; viewport: ViewportStore; frames: FrameLoop; laserColor: string }) {
  return (
    <OverlayCanvas
      viewport={viewport}
      frames={frames}
      query={session.query}
      selection={session.selection}
      overlay={session.overlay}
      peers={session.peers}
      laser={session.laser}
      laserColor={laserColor}
      measure={session.measure}
    />
  );
}

/** The in-place text editor, while a text element is open for typing. */
function TextEditing({ session, viewport }: { session: EditorSession; viewport: ViewportStore }) {
  const editing = useStore(session.overlay, (s) => s.editing);
  if (editing === null) return null;
  return (
    <TextEditor
      key={editing}
      id={editing}
      edits={session.edits}
      query={session.query}
      viewport={viewport}
      measure={session.measure}
      onClose={() => session.overlay.setState({ editing: null })}
    />
  );
}

/** Who is here, with each avatar a button that follows that person's view. */
function FollowablePresence({ presence, follow }: { presence: PresenceStore; follow: FollowStore }) {
  const following = useStore(follow, (s) => s.following);
  return <PresenceList presence={presence} following={following} onFollow={(id) => follow.setState({ following: id })} />;
}

/** `localStorage`, or null where merely touching it throws (storage disabled, some private modes). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

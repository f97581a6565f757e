import type { ViewInfo } from "@whiteboard/shared";
import { useEffect, useRef, useState } from "react";
import { BoardCanvas } from "../canvas/BoardCanvas";
import { ChannelsToggle } from "../channels/ChannelsToggle";
import { createFrameLoop } from "../canvas/frame-loop";
import { createViewportStore } from "../canvas/viewport-store";
import { RemoteCursors } from "../presence/RemoteCursors";
import { FeedBadge } from "./FeedBadge";
import { ThemeToggle } from "../canvas/ThemeToggle";
import { useViewerFeed } from "./use-viewer-feed";
import { attachViewerInput } from "./viewer-input";
import { ViewerDamagedPage } from "./ViewerDamagedPage";
import { ViewerDeletedPage } from "./ViewerDeletedPage";
import { ZoomControls } from "./ZoomControls";

/** The live, read-only view of a board known to exist: the editor's canvas with navigation and no tools. */
export function ViewerView({ info }: { info: ViewInfo }) {
  const [viewport] = useState(() => createViewportStore());
  const [frames] = useState(() => createFrameLoop(window));
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const { feed, status, viewers } = useViewerFeed(info.viewId);

  useEffect(() => {
    document.title = `${info.name} (view only) · Whiteboard`;
  }, [info.name]);

  useEffect(() => () => frames.cancel(), [frames]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!feed || !canvas) return;
    return attachViewerInput({ canvas, viewport });
  }, [feed, viewport]);

  if (status === "deleted") return <ViewerDeletedPage name={info.name} />;
  if (status === "damaged") return <ViewerDamagedPage name={info.name} />;

  const centre = () => {
    const canvas = canvasRef.current;
    return { x: (canvas?.clientWidth ?? 0) / 2, y: (canvas?.clientHeight ?? 0) / 2 };
  };

  return (
    <div className="viewer">
      {feed ? (
        <BoardCanvas
          doc={feed.doc}
          viewport={viewport}
          frames={frames}
          canvasRef={canvasRef}
          testId="viewer-canvas"
          label={`Board ${info.name}, view only`}
        />
      ) : (
        <div className="board-canvas" />
      )}
      {/* Cursors are where the editors were when the feed dropped: not worth showing as if live. */}
      {feed && status === "live" && <RemoteCursors presence={feed.presence} viewport={viewport} />}

      <header className="viewer-bar">
        <div className="viewer-bar-group">
          {/* "/" lists only this browser's own libraries (this board among them, view only): safe to lead to. */}
          <a className="brand viewer-brand" href="/" title="Your boards">
            <span className="brand-mark" aria-hidden="true" />
            <span className="visually-hidden">Whiteboard: your boards</span>
          </a>
          <h1 className="viewer-title" data-testid="board-title" title={info.name}>
            {info.name}
          </h1>
          <span className="view-only-tag" title="You can watch this board, not change it.">
            View only
          </span>
        </div>
        <div className="viewer-bar-group">
          {viewers !== null && (
            <span className="viewer-count" data-testid="viewer-count" title="People watching this board now, you included">
              {viewers} watching
            </span>
          )}
          <FeedBadge status={status} />
          {feed && <ChannelsToggle meter={feed.meter} side="right" />}
          <ThemeToggle />
        </div>
      </header>

      <ZoomControls viewport={viewport} centre={centre} />
    </div>
  );
}

import { useStore } from "zustand";
import type { ViewportStore } from "../canvas/viewport-store";
import type { PresenceStore } from "./presence-store";

/**
 * Others' cursors as DOM over the canvas: they move far more often than the board changes, and
 * drawing them into the canvas would redraw every stroke per cursor move. Their names stay
 * real text that tests can find; the presence list is what tells a screen reader who is here.
 */
export function RemoteCursors({ presence, viewport }: { presence: PresenceStore; viewport: ViewportStore }) {
  const users = useStore(presence, (s) => s.users);
  const view = useStore(viewport);

  return (
    <div className="remote-cursors" aria-hidden="true">
      {/* The pan moves this layer, not the cursors: their glide between updates must not lag a pan. */}
      <div className="remote-cursor-layer" style={{ transform: `translate(${-view.x * view.zoom}px, ${-view.y * view.zoom}px)` }}>
        {users.map((user) => {
          if (user.self || user.cursor === null) return null;
          return (
            <div
              key={user.clientId}
              className="remote-cursor"
              data-testid="remote-cursor"
              style={{ transform: `translate(${user.cursor.x * view.zoom}px, ${user.cursor.y * view.zoom}px)`, color: user.color }}
            >
              <svg className="remote-cursor-arrow" width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
                <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
              </svg>
              <span className="remote-cursor-name" style={{ background: user.color }}>
                {user.name}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

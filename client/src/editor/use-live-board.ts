import { useEffect, useState } from "react";
import { ApiError } from "../api/api-error";
import { type BoardConnection, connectBoard } from "../board/board-connection";
import type { ConnectionStatus } from "../board/connection-status";
import { type BoardProbe, watchConnection } from "../board/connection-watch";
import { forgetOfflineBoard } from "../board/offline-store";
import { fetchBoard } from "../api/boards-api";
import type { Identity } from "../presence/identity";
import { type PresenceStore, followPresence } from "../presence/presence-store";
import { exposeForTests } from "./test-hook";

export interface LiveBoard {
  connection: BoardConnection;
  presence: PresenceStore;
}

/**
 * The board's live doc and presence for as long as the component is mounted, with the
 * connection's status. `identity` is read once, at connect: later name changes go through
 * `awareness.setLocalStateField`, not a reconnect.
 */
export function useLiveBoard(boardId: string, identity: Identity): { live: LiveBoard | null; status: ConnectionStatus } {
  const [live, setLive] = useState<LiveBoard | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [initialIdentity] = useState(identity);

  useEffect(() => {
    const connection = connectBoard({
      boardId,
      location: window.location,
      initialState: { user: { name: initialIdentity.name, color: initialIdentity.color }, cursor: null },
    });
    const presence = followPresence(connection.awareness);
    const probeBoard: BoardProbe = async () => {
      try {
        await fetchBoard(boardId);
        return "exists";
      } catch (error) {
        return error instanceof ApiError && error.status === 404 ? "gone" : "unknown";
      }
    };
    const onStatus = (next: ConnectionStatus) => {
      setStatus(next);
      // The offline copy is kept by this id, which opens nothing any more: it would stay on this device for good.
      // Not for "damaged": the board lives on under this id once repaired, and the copy here may be
      // the only good one left of it (and holds what was drawn since), so it is left alone.
      if (next === "deleted" || next === "reset") void forgetOfflineBoard(boardId);
    };
    const stopWatching = watchConnection({ provider: connection.provider, window, probeBoard, onStatus });
    const hideFromTests = exposeForTests(connection.doc);
    setLive({ connection, presence: presence.store });
    return () => {
      hideFromTests();
      stopWatching();
      presence.stop();
      connection.destroy();
      setLive(null);
    };
  }, [boardId, initialIdentity]);

  return { live, status };
}

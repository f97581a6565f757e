import { useEffect, useState } from "react";
import * as Y from "yjs";
import { createStore } from "zustand/vanilla";
import type { PresenceStore } from "../presence/presence-store";
import type { PresentUser } from "../presence/presence-users";
import { type FeedStatus, connectFeed } from "./feed-client";
import { createFeedProbe } from "./feed-probe";
import { exposeViewerForTests } from "./test-hook";
import { viewFeedPath } from "./view-api";
import { viewerPresenceUsers } from "./viewer-presence";

export interface ViewerFeed {
  doc: Y.Doc;
  /** Editors' cursors: a store, not React state, because they move up to 20 times a second. */
  presence: PresenceStore;
}

export interface ViewerFeedState {
  feed: ViewerFeed | null;
  status: FeedStatus;
  /** How many watch now, this page included; null until the first presence event. */
  viewers: number | null;
}

/** A board's live doc and presence over the feed, for as long as the component is mounted. */
export function useViewerFeed(viewId: string): ViewerFeedState {
  const [feed, setFeed] = useState<ViewerFeed | null>(null);
  const [status, setStatus] = useState<FeedStatus>("connecting");
  const [viewers, setViewers] = useState<number | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const presence = createStore<{ users: PresentUser[] }>()(() => ({ users: [] }));
    setStatus("connecting");
    const client = connectFeed({
      url: viewFeedPath(viewId),
      doc,
      open: (url) => new EventSource(url),
      probe: createFeedProbe(viewId),
      onStatus: setStatus,
      onPresence: ({ editors, viewers: count }) => {
        presence.setState({ users: viewerPresenceUsers(editors) });
        setViewers(count);
      },
      schedule: (callback, ms) => {
        const timer = window.setTimeout(callback, ms);
        return () => window.clearTimeout(timer);
      },
    });
    const hideFromTests = exposeViewerForTests(doc);
    setFeed({ doc, presence });
    return () => {
      hideFromTests();
      client.close();
      doc.destroy();
      setFeed(null);
    };
  }, [viewId]);

  return { feed, status, viewers };
}

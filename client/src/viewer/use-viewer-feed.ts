import { useEffect, useState } from "react";
import * as Y from "yjs";
import { createStore } from "zustand/vanilla";
import { type FeedMeter, createFeedMeter, meteredFeedSource } from "../channels/feed-meter";
import type { PresenceStore } from "../presence/presence-store";
import type { PresentUser } from "../presence/presence-users";
import { HIDDEN_VIEWER_RELEASE_MS } from "@whiteboard/shared";
import { type FeedStatus, connectFeed } from "./feed-client";
import { releaseWhenHidden } from "./release-when-hidden";
import { createFeedProbe } from "./feed-probe";
import { exposeViewerForTests } from "./test-hook";
import { viewFeedPath } from "./view-api";
import { viewerPresenceUsers } from "./viewer-presence";

export interface ViewerFeed {
  doc: Y.Doc;
  /** Editors' cursors: a store, not React state, because they move up to 20 times a second. */
  presence: PresenceStore;
  /** This tab's event stream traffic, for the "How this works" panel. */
  meter: FeedMeter;
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
    const meter = createFeedMeter();
    const presence = createStore<{ users: PresentUser[] }>()(() => ({ users: [] }));
    setStatus("connecting");
    const schedule = (callback: () => void, ms: number) => {
      const timer = window.setTimeout(callback, ms);
      return () => window.clearTimeout(timer);
    };
    const testHook = exposeViewerForTests(doc);
    const client = connectFeed({
      url: viewFeedPath(viewId),
      doc,
      open: (url) => {
        testHook.hook.streams.push(url);
        return meteredFeedSource(new EventSource(url), meter);
      },
      onSnapshot: () => (testHook.hook.snapshots += 1),
      probe: createFeedProbe(viewId),
      onStatus: setStatus,
      onPresence: ({ editors, viewers: count }) => {
        presence.setState({ users: viewerPresenceUsers(editors) });
        setViewers(count);
      },
      schedule,
    });
    const stopWatchingVisibility = releaseWhenHidden({
      page: document,
      delayMs: HIDDEN_VIEWER_RELEASE_MS,
      schedule,
      release: () => client.pause(),
      restore: () => client.resume(),
    });
    setFeed({ doc, presence, meter });
    return () => {
      testHook.hide();
      stopWatchingVisibility();
      client.close();
      doc.destroy();
      setFeed(null);
    };
  }, [viewId]);

  return { feed, status, viewers };
}

import { WS_CLOSE } from "@whiteboard/shared";
import type { WebsocketProvider } from "y-websocket";
import {
  type ConnectionFacts,
  type ConnectionStatus,
  FINAL_STATUSES,
  INITIAL_FACTS,
  connectionStatus,
} from "./connection-status";

/** Does the board still exist? `unknown` when the API could not be asked (we are offline too). */
export type BoardProbe = () => Promise<"exists" | "gone" | "unknown">;

/**
 * A board deleted while this page was offline never sends us its 4404: the socket just keeps
 * failing (the upgrade is refused with a 404, which a browser reports only as 1006). After a
 * few failures, ask the API, at most this often.
 */
const PROBE_AFTER_FAILURES = 3;
const PROBE_INTERVAL_MS = 10_000;

/**
 * After a 1013 the provider reconnects and resends; while the server's disk stays full, that
 * socket opens and is closed again well within a second. Open this long without another 1013,
 * and the server is taken to be saving again: "connected" sooner would only flicker.
 */
export const SAVING_AGAIN_AFTER_MS = 2_000;

/** `setTimeout` returning its cancel; tests run the delay themselves. */
export type Schedule = (callback: () => void, ms: number) => () => void;

const browserSchedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

export interface WatchOptions {
  provider: WebsocketProvider;
  window: Pick<Window, "addEventListener" | "removeEventListener"> & { navigator: Pick<Navigator, "onLine"> };
  probeBoard: BoardProbe;
  now?: () => number;
  schedule?: Schedule;
  onStatus: (status: ConnectionStatus) => void;
}

/** Follows the provider and the browser's network state; reports each change of status. Returns the unsubscribe. */
export function watchConnection({
  provider,
  window,
  probeBoard,
  now = Date.now,
  schedule = browserSchedule,
  onStatus,
}: WatchOptions): () => void {
  let facts: ConnectionFacts = { ...INITIAL_FACTS, browserOnline: window.navigator.onLine };
  let reported: ConnectionStatus | null = null;
  let lastProbeAt = Number.NEGATIVE_INFINITY;
  let stopped = false;
  let cancelSavingAgain: (() => void) | null = null;

  const update = (change: Partial<ConnectionFacts>) => {
    facts = { ...facts, ...change };
    const status = connectionStatus(facts);
    if (status === reported) return;
    reported = status;
    onStatus(status);
    // Once, on the way in: disconnecting emits a close, which comes back through here.
    if (FINAL_STATUSES.has(status)) provider.disconnect();
  };

  const onProviderStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
    if (status === "connected") {
      update({ socketOpen: true, everConnected: true, failedAttempts: 0 });
      if (facts.storagePaused && !cancelSavingAgain) {
        cancelSavingAgain = schedule(() => {
          cancelSavingAgain = null;
          if (!stopped && facts.socketOpen) update({ storagePaused: false });
        }, SAVING_AGAIN_AFTER_MS);
      }
    } else update({ socketOpen: false });
  };
  const onClose = (event: { code: number } | null) => {
    cancelSavingAgain?.();
    cancelSavingAgain = null;
    // A close we made ourselves (null) says nothing about the server's storage; any close of the
    // server's that is not 1013 means something else is now the news (a drop, a restart).
    const storagePaused = event ? event.code === WS_CLOSE.storageUnavailable : facts.storagePaused;
    update({ socketOpen: false, failedAttempts: provider.wsUnsuccessfulReconnects, storagePaused });
    if (facts.failedAttempts >= PROBE_AFTER_FAILURES && now() - lastProbeAt >= PROBE_INTERVAL_MS) {
      lastProbeAt = now();
      void probeBoard().then((answer) => {
        if (!stopped && answer === "gone") update({ boardGone: true });
      });
    }
  };
  const onFinalClose = ({ code }: { code: number }) => update({ finalCloseCode: code });
  const onOnline = () => update({ browserOnline: true });
  const onOffline = () => update({ browserOnline: false });

  provider.on("status", onProviderStatus);
  provider.on("connection-close", onClose);
  provider.on("closed", onFinalClose);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  update({ socketOpen: provider.wsconnected });

  return () => {
    stopped = true;
    cancelSavingAgain?.();
    provider.off("status", onProviderStatus);
    provider.off("connection-close", onClose);
    provider.off("closed", onFinalClose);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
  };
}

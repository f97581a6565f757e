import type { ViewInfo } from "@whiteboard/shared";
import { useEffect, useState } from "react";
import { ApiError, describeError, isAbort } from "../api/api-error";
import { NotFoundPage } from "../pages/NotFoundPage";
import { PageShell } from "../pages/PageShell";
import { fetchViewInfo } from "./view-api";
import { ViewerView } from "./ViewerView";

type Loaded =
  | { state: "loading" }
  | { state: "found"; info: ViewInfo }
  | { state: "missing" }
  | { state: "failed"; message: string };

/**
 * `/v/:viewId`. The board is looked up before the feed opens: an unknown link gets the
 * not-found page instead of a stream the browser would only fail to open, and the view starts
 * with the board's name.
 */
export function ViewerPage({ viewId }: { viewId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    fetchViewInfo(viewId, controller.signal).then(
      (info) => setLoaded({ state: "found", info }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ state: "missing" });
        else setLoaded({ state: "failed", message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [viewId]);

  switch (loaded.state) {
    case "loading":
      return (
        <PageShell title="Loading">
          <p className="muted" role="status">
            Loading board…
          </p>
        </PageShell>
      );
    case "missing":
      return <NotFoundPage heading="Board not found" message="This view-only link leads nowhere: the board may have been deleted, or the link is incomplete." />;
    case "failed":
      return (
        <PageShell title="Could not load the board">
          <section className="message-page">
            <h1>Could not load the board</h1>
            <p className="muted" role="alert">
              {loaded.message}
            </p>
            <a className="button" href={window.location.pathname}>
              Try again
            </a>
          </section>
        </PageShell>
      );
    case "found":
      return <ViewerView info={loaded.info} />;
    default: {
      const unhandled: never = loaded;
      return unhandled;
    }
  }
}

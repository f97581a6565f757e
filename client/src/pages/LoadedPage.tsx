import { type ReactNode, useEffect, useState } from "react";
import { ApiError, describeError, isAbort } from "../api/api-error";
import { MessagePage } from "./MessagePage";
import { NotFoundPage } from "./NotFoundPage";
import { PageShell } from "./PageShell";

type Loaded<T> =
  | { state: "loading" }
  | { state: "found"; value: T }
  | { state: "missing" }
  | { state: "failed"; message: string };

/**
 * A page that needs one thing fetched before it can show anything (the editor's board, the
 * viewer's view info): loading, not found (a 404), failed (with a retry), or the page itself.
 */
export function LoadedPage<T>({
  loadKey,
  load,
  notFoundMessage,
  render,
}: {
  /** Reloads when this changes. */
  loadKey: string;
  load: (signal: AbortSignal) => Promise<T>;
  notFoundMessage: string;
  render: (value: T) => ReactNode;
}) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    load(controller.signal).then(
      (value) => setLoaded({ state: "found", value }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ state: "missing" });
        else setLoaded({ state: "failed", message: describeError(error) });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `loadKey` says when it means something new.
  }, [loadKey]);

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
      return <NotFoundPage heading="Board not found" message={notFoundMessage} />;
    case "failed":
      return (
        <MessagePage
          title="Could not load the board"
          heading="Could not load the board"
          alert
          action={
            <a className="button" href={window.location.pathname}>
              Try again
            </a>
          }
        >
          {loaded.message}
        </MessagePage>
      );
    case "found":
      return <>{render(loaded.value)}</>;
    default: {
      const unhandled: never = loaded;
      return unhandled;
    }
  }
}

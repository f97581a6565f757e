import { useEffect, useState } from "react";
import { ApiError, describeError, isAbort } from "../api/api-error";
import { NotFoundPage } from "./NotFoundPage";
import { PageShell } from "./PageShell";

type Loaded =
  | { state: "loading" }
  | { state: "found"; name: string }
  | { state: "missing" }
  | { state: "failed"; message: string };

/**
 * A board's page before it has its canvas: the board's name, proof that the id is real, and
 * the way back. `load` must be stable for a given board (memoise it on the id).
 */
export function BoardPlaceholder({
  load,
  comingSoon,
}: {
  load: (signal: AbortSignal) => Promise<string>;
  comingSoon: string;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    load(controller.signal).then(
      (name) => setLoaded({ state: "found", name }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ state: "missing" });
        else setLoaded({ state: "failed", message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [load]);

  switch (loaded.state) {
    case "missing":
      return <NotFoundPage heading="Board not found" message="It may have been deleted, or the link is incomplete." />;
    case "loading":
      return (
        <PageShell title="Loading">
          <p className="muted" role="status">
            Loading board…
          </p>
        </PageShell>
      );
    case "failed":
      return (
        <PageShell title="Could not load the board">
          <section className="message-page">
            <h1>Could not load the board</h1>
            <p className="muted" role="alert">
              {loaded.message}
            </p>
            <a className="button" href="/">
              Back to your boards
            </a>
          </section>
        </PageShell>
      );
    case "found":
      return (
        <PageShell title={loaded.name}>
          <section className="message-page">
            <h1 data-testid="board-title">{loaded.name}</h1>
            <p className="muted">{comingSoon}</p>
            <a className="button" href="/">
              Back to your boards
            </a>
          </section>
        </PageShell>
      );
    default: {
      const unhandled: never = loaded;
      return unhandled;
    }
  }
}

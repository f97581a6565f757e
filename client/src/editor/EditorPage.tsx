import type { Board } from "@whiteboard/shared";
import { useEffect, useState } from "react";
import { ApiError, describeError, isAbort } from "../api/api-error";
import { fetchBoard } from "../gallery/boards-api";
import { NotFoundPage } from "../pages/NotFoundPage";
import { PageShell } from "../pages/PageShell";
import { EditorView } from "./EditorView";

type Loaded =
  | { state: "loading" }
  | { state: "found"; board: Board }
  | { state: "missing" }
  | { state: "failed"; message: string };

/**
 * `/b/:id`. The board is looked up over HTTP before any socket opens: an unknown id gets the
 * not-found page (the socket would only be refused, over and over, with no reason a browser
 * can read), and the editor starts with the board's name.
 */
export function EditorPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    fetchBoard(id, controller.signal).then(
      (board) => setLoaded({ state: "found", board }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) setLoaded({ state: "missing" });
        else setLoaded({ state: "failed", message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [id]);

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
      return <NotFoundPage heading="Board not found" message="It may have been deleted, or the link is incomplete." />;
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
      return <EditorView board={loaded.board} />;
    default: {
      const unhandled: never = loaded;
      return unhandled;
    }
  }
}

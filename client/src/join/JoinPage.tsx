import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Library } from "@whiteboard/shared";
import { ApiError, describeError } from "../api/api-error";
import { joinLibrary } from "../api/library-api";
import { PageShell } from "../pages/PageShell";

type Joining =
  | { state: "joining" }
  | { state: "joined"; library: Library }
  | { state: "not-found" }
  | { state: "failed"; message: string };

/**
 * `/join/:invite`: joins the shared library the invite belongs to, at once: joining only adds a
 * library to the list, so there is nothing to confirm. (A device link changes who this browser
 * is; it has its own page, `/device/:token`, that asks first.) Then the address becomes `/` and
 * the page the gallery (`renderJoined`), where the library now is: what someone opening an
 * invite came for. Replacing the address, not adding to it: Back or a reload should not join
 * again, nor report an invite rotated since as dead.
 */
export function JoinPage({ invite, renderJoined }: { invite: string; renderJoined: (library: Library) => ReactNode }) {
  const [joining, setJoining] = useState<Joining>({ state: "joining" });
  // One request per page, even when StrictMode runs the effect twice in development.
  const request = useRef<Promise<Library> | null>(null);

  useEffect(() => {
    let current = true;
    request.current ??= joinLibrary(invite);
    request.current.then(
      (library) => {
        if (!current) return;
        window.history.replaceState(null, "", "/");
        setJoining({ state: "joined", library });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 404) setJoining({ state: "not-found" });
        else setJoining({ state: "failed", message: describeError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [invite]);

  switch (joining.state) {
    case "joined":
      return <>{renderJoined(joining.library)}</>;
    case "joining":
      return (
        <JoinShell title="Joining" state={joining.state}>
          <p className="muted">Joining…</p>
        </JoinShell>
      );
    case "not-found":
      return (
        <JoinShell title="Invite not found" state={joining.state}>
          <h1>This invite link does not work</h1>
          <p className="muted">It may have been replaced by a newer one. Ask for a new link.</p>
        </JoinShell>
      );
    case "failed":
      return (
        <JoinShell title="Could not join" state={joining.state}>
          <h1>Could not join</h1>
          <p className="muted">{joining.message}</p>
        </JoinShell>
      );
    default: {
      const unhandled: never = joining;
      return unhandled;
    }
  }
}

function JoinShell({ title, state, children }: { title: string; state: Joining["state"]; children: ReactNode }) {
  return (
    <PageShell title={title}>
      <section className="message-page" data-testid="join-page">
        <div className="join-status" data-testid="join-status" data-state={state} role={state === "failed" ? "alert" : "status"}>
          {children}
        </div>
        {state === "failed" ? (
          <a className="button" href={window.location.pathname}>
            Try again
          </a>
        ) : (
          state !== "joining" && (
            <a className="button primary" href="/">
              Go to your boards
            </a>
          )
        )}
      </section>
    </PageShell>
  );
}

import { type ReactNode, useEffect } from "react";

/** The frame every page shares: the top bar (with the page's own `actions` at its end) and the page's title in the tab. */
export function PageShell({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = title === "Whiteboard" ? title : `${title} · Whiteboard`;
  }, [title]);

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          Whiteboard
        </a>
        {actions && <div className="topbar-actions">{actions}</div>}
      </header>
      <main className="page">{children}</main>
    </div>
  );
}

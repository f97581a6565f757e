import { type ReactNode, useEffect } from "react";

/** The frame every page shares: the top bar and the page's title in the tab. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
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
      </header>
      <main className="page">{children}</main>
    </div>
  );
}

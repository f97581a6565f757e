import { PageShell } from "../pages/PageShell";

/**
 * Where a viewer ends up when the feed answers 503 for a board whose stored data is damaged: the
 * server keeps it aside until an operator repairs it, so the feed is closed rather than retried.
 */
export function ViewerDamagedPage({ name }: { name: string }) {
  return (
    <PageShell title="Board unavailable">
      <section className="message-page" data-testid="viewer-damaged">
        <h1>This board can't be shown right now</h1>
        <p className="muted">
          The saved data of “{name}” is damaged, so the server keeps the board aside until whoever runs this server repairs
          it. Try this link again later.
        </p>
        <a className="button primary" href="/">
          Back to your boards
        </a>
      </section>
    </PageShell>
  );
}

import { PageShell } from "../pages/PageShell";

/** Where a viewer ends up once the board is gone; the feed is closed, so nothing reconnects. */
export function ViewerDeletedPage({ name }: { name: string }) {
  return (
    <PageShell title="Board deleted">
      <section className="message-page" data-testid="board-deleted">
        <h1>This board was deleted</h1>
        <p className="muted">
          “{name}” was deleted by its editors, or they reset its links so that this one no longer opens it. Either way there is
          nothing more to watch here.
        </p>
        <a className="button primary" href="/">
          Back to your boards
        </a>
      </section>
    </PageShell>
  );
}

import { PageShell } from "../pages/PageShell";

/** Shown when the board goes away under an open editor; nothing reconnects after this. */
export function BoardDeletedPage({ name }: { name: string }) {
  return (
    <PageShell title="Board deleted">
      <section className="message-page" data-testid="board-deleted">
        <h1>This board was deleted</h1>
        <p className="muted">
          “{name}” was deleted while you had it open, and its drawings with it.
        </p>
        <a className="button primary" href="/">
          Back to your boards
        </a>
      </section>
    </PageShell>
  );
}

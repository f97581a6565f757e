import { PageShell } from "../pages/PageShell";

/**
 * Shown when the board's links are reset under an open editor (close 4401): the board lives on
 * under new ids, but this page's id opens nothing, so nothing reconnects after this.
 */
export function LinksResetPage({ name }: { name: string }) {
  return (
    <PageShell title="Link reset">
      <section className="message-page" data-testid="links-reset">
        <h1>This link was reset</h1>
        <p className="muted">
          Someone reset the links of “{name}”, so the link you opened it with no longer works. The board is still there: ask
          whoever shares it with you for the new link.
        </p>
        <a className="button primary" href="/">
          Back to your boards
        </a>
      </section>
    </PageShell>
  );
}

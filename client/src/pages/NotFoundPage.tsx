import { PageShell } from "./PageShell";

export function NotFoundPage({
  heading = "Page not found",
  message = "There is nothing at this address.",
}: {
  heading?: string;
  message?: string;
}) {
  return (
    <PageShell title={heading}>
      <section className="message-page" data-testid="not-found">
        <h1>{heading}</h1>
        <p className="muted">{message}</p>
        <a className="button primary" href="/">
          Back to your boards
        </a>
      </section>
    </PageShell>
  );
}

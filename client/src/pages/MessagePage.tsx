import type { ReactNode } from "react";
import { PageShell } from "./PageShell";

/** The link most message pages end with. */
export function BackToBoardsLink() {
  return (
    <a className="button primary" href="/">
      Back to your boards
    </a>
  );
}

/**
 * A page that only says something: a heading, a muted paragraph, and one way on (back to the
 * boards unless told otherwise). The pages a board ends on (deleted, reset, damaged) and
 * not-found are this.
 */
export function MessagePage({
  title,
  heading,
  testid,
  alert = false,
  action = <BackToBoardsLink />,
  children,
}: {
  /** The tab's title. */
  title: string;
  heading: string;
  testid?: string;
  /** Announce the paragraph as an alert (it reports an error). */
  alert?: boolean;
  action?: ReactNode;
  /** The paragraph under the heading. */
  children: ReactNode;
}) {
  return (
    <PageShell title={title}>
      <section className="message-page" data-testid={testid}>
        <h1>{heading}</h1>
        <p className="muted" role={alert ? "alert" : undefined}>
          {children}
        </p>
        {action}
      </section>
    </PageShell>
  );
}

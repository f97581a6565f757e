import { MessagePage } from "../pages/MessagePage";

/**
 * Where a viewer ends up when the feed answers 503 for a board whose stored data is damaged: the
 * server keeps it aside until an operator repairs it, so the feed is closed rather than retried.
 */
export function ViewerDamagedPage({ name }: { name: string }) {
  return (
    <MessagePage title="Board unavailable" heading="This board can't be shown right now" testid="viewer-damaged">
      The saved data of “{name}” is damaged, so the server keeps the board aside until whoever runs this server repairs it.
      Try this link again later.
    </MessagePage>
  );
}

import { MessagePage } from "../pages/MessagePage";

/** Where a viewer ends up once the board is gone; the feed is closed, so nothing reconnects. */
export function ViewerDeletedPage({ name }: { name: string }) {
  return (
    <MessagePage title="Board deleted" heading="This board was deleted" testid="board-deleted">
      “{name}” was deleted by its editors, or they reset its links so that this one no longer opens it. Either way there is
      nothing more to watch here.
    </MessagePage>
  );
}

import { MessagePage } from "../pages/MessagePage";

/** Shown when the board goes away under an open editor; nothing reconnects after this. */
export function BoardDeletedPage({ name }: { name: string }) {
  return (
    <MessagePage title="Board deleted" heading="This board was deleted" testid="board-deleted">
      “{name}” was deleted while you had it open, and its drawings with it.
    </MessagePage>
  );
}

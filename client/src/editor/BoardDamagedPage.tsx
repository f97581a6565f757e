import { MessagePage } from "../pages/MessagePage";

/**
 * Shown when the server closes with 4500: the board's stored data is damaged and the server
 * keeps it aside until an operator repairs it. Nothing reconnects after this; this browser's
 * offline copy of the board is kept (see `use-live-board`).
 */
export function BoardDamagedPage({ name }: { name: string }) {
  return (
    <MessagePage title="Board unavailable" heading="This board can't be opened right now" testid="board-damaged">
      The saved data of “{name}” is damaged, so the server keeps the board aside until whoever runs this server repairs it.
      Nothing more is sent to it from here, and this browser keeps its own copy of the board, with any changes that did not
      reach the server.
    </MessagePage>
  );
}

import { fetchBoard } from "../api/boards-api";
import { rememberBoard } from "../api/library-api";
import { LoadedPage } from "../pages/LoadedPage";
import { EditorView } from "./EditorView";

/**
 * `/b/:id`. The board is looked up over HTTP before any socket opens: an unknown id gets the
 * not-found page (the socket would only be refused, over and over, with no reason a browser
 * can read), and the editor starts with the board's name.
 */
export function EditorPage({ id }: { id: string }) {
  return (
    <LoadedPage
      loadKey={id}
      load={async (signal) => {
        const board = await fetchBoard(id, signal);
        // SPEC: opening a board saves it to the personal library, with the role this link gives.
        rememberBoard(id);
        return board;
      }}
      notFoundMessage="It may have been deleted, or the link is incomplete."
      render={(board) => <EditorView board={board} />}
    />
  );
}

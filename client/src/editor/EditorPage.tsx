import { fetchBoard } from "../gallery/boards-api";
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
      load={(signal) => fetchBoard(id, signal)}
      notFoundMessage="It may have been deleted, or the link is incomplete."
      render={(board) => <EditorView board={board} />}
    />
  );
}

import { rememberBoard } from "../api/library-api";
import { LoadedPage } from "../pages/LoadedPage";
import { fetchViewInfo } from "./view-api";
import { ViewerView } from "./ViewerView";

/**
 * `/v/:viewId`. The board is looked up before the feed opens: an unknown link gets the
 * not-found page instead of a stream the browser would only fail to open, and the view starts
 * with the board's name.
 */
export function ViewerPage({ viewId }: { viewId: string }) {
  return (
    <LoadedPage
      loadKey={viewId}
      load={async (signal) => {
        const info = await fetchViewInfo(viewId, signal);
        // SPEC: opening a board saves it to the personal library, view only from a view link.
        rememberBoard(viewId);
        return info;
      }}
      notFoundMessage="This view-only link leads nowhere: the board may have been deleted, or the link is incomplete."
      render={(info) => <ViewerView info={info} />}
    />
  );
}

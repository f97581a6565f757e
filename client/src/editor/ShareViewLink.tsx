import { useState } from "react";
import { CopyViewLinkButton } from "../gallery/CopyViewLinkButton";

/** The editor's "share view-only link": the same copy control as the gallery's, with its error. */
export function ShareViewLink({ viewId }: { viewId: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="share-view-link">
      <CopyViewLinkButton viewId={viewId} describedBy="share-view-link-error" onResult={setError} />
      <span id="share-view-link-error" role="status" className="share-view-link-error">
        {error}
      </span>
    </span>
  );
}

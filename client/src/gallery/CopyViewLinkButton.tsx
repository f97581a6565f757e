import { viewerPath } from "../routes";
import { CopyTextButton } from "../controls/CopyTextButton";

/** Copies the board's view-only link: never the edit id, whoever clicks. */
export function CopyViewLinkButton({
  viewId,
  describedBy,
  className,
  onResult,
}: {
  viewId: string;
  describedBy: string;
  className?: string;
  /** Null on success; otherwise a message carrying the link, so it can still be copied by hand. */
  onResult: (error: string | null) => void;
}) {
  return (
    <CopyTextButton
      text={() => window.location.origin + viewerPath(viewId)}
      label="Copy view link"
      what="the view link"
      testId="copy-view-link"
      describedBy={describedBy}
      {...(className ? { className } : {})}
      onResult={onResult}
    />
  );
}

import { useEffect, useState } from "react";
import { viewerPath } from "../routes";

/** How long "Copied" stays before the button reads "Copy view link" again. */
const COPIED_FEEDBACK_MS = 2000;

export function CopyViewLinkButton({
  viewId,
  describedBy,
  onResult,
}: {
  viewId: string;
  describedBy: string;
  /** Null on success; otherwise a message carrying the link, so it can still be copied by hand. */
  onResult: (error: string | null) => void;
}) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), COPIED_FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const link = window.location.origin + viewerPath(viewId);
    try {
      // Absent outside a secure context (plain http on another host than localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
    } catch {
      onResult(`Could not copy the view link. Copy it from here: ${link}`);
      return;
    }
    setCopied(true);
    onResult(null);
  }

  return (
    <button
      type="button"
      className="button small ghost copy-link"
      data-testid="copy-view-link"
      aria-describedby={describedBy}
      onClick={copy}
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy view link"}</span>
    </button>
  );
}

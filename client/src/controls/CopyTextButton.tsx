import { useEffect, useState } from "react";

/** How long "Copied" stays before the button reads its label again. */
const COPIED_FEEDBACK_MS = 2000;

/**
 * A button that puts a link on the clipboard and says "Copied" for a moment. When the clipboard
 * refuses (it is absent outside a secure context: plain http on another host than localhost),
 * `onResult` gets a message that carries the text, so it can still be copied by hand.
 */
export function CopyTextButton({
  text,
  label,
  what,
  testId,
  describedBy,
  className = "button small ghost",
  onResult,
}: {
  /** Read when clicked, so it is always the current value (an invite just rotated). */
  text: () => string;
  label: string;
  /** Names the thing in the failure message: "the view link". */
  what: string;
  testId: string;
  describedBy?: string;
  className?: string;
  /** Null on success. */
  onResult: (error: string | null) => void;
}) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), COPIED_FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const value = text();
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
    } catch {
      onResult(`Could not copy ${what}. Copy it from here: ${value}`);
      return;
    }
    setCopied(true);
    onResult(null);
  }

  return (
    <button type="button" className={`${className} copy-link`} data-testid={testId} aria-describedby={describedBy} onClick={copy}>
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </button>
  );
}

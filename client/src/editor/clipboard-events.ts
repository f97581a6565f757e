import type { Point } from "../geometry/box";
import { copySelected, cutSelected, pasteText, type SelectionContext } from "../selection/selection-commands";
import { isTyping } from "../tools/canvas-input";
import type { ToolStyle } from "../tools/tool";

export interface ClipboardOptions {
  ctx: SelectionContext;
  /** Where a paste lands: the pointer over the board, or the middle of the view. */
  pasteAt: () => Point;
  /** Plain text pasted becomes a text element in the text tool's style. */
  textStyle: () => ToolStyle;
}

/**
 * Copy, cut and paste through the browser's clipboard events: they fire for Ctrl/Cmd+C, X, V
 * (and the Edit menu), carry the system clipboard's contents, and need no permission prompt.
 * What is copied is plain text (see clipboard-payload.ts), so it pastes into any board, in any
 * tab or browser. Inside a text field the browser does its usual job.
 */
export function attachClipboard({ ctx, pasteAt, textStyle }: ClipboardOptions): () => void {
  const owns = (event: ClipboardEvent) => !event.defaultPrevented && !isTyping(event.target) && !hasTextSelection();

  const onCopy = (event: ClipboardEvent) => {
    if (!owns(event)) return;
    const text = event.type === "cut" ? cutSelected(ctx) : copySelected(ctx);
    if (text === null) return;
    event.clipboardData?.setData("text/plain", text);
    event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!owns(event)) return;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    const { fontSize, color } = textStyle();
    if (pasteText(ctx, text, { at: pasteAt(), fontSize, color })) event.preventDefault();
  };

  document.addEventListener("copy", onCopy);
  document.addEventListener("cut", onCopy);
  document.addEventListener("paste", onPaste);
  return () => {
    document.removeEventListener("copy", onCopy);
    document.removeEventListener("cut", onCopy);
    document.removeEventListener("paste", onPaste);
  };
}

/** Text the user selected on the page (in the help, a name) is theirs to copy, not the board's. */
function hasTextSelection(): boolean {
  const selection = document.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().length > 0;
}

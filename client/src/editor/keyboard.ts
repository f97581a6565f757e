import { setSelection } from "../selection/selection-store";
import {
  deleteSelected,
  duplicateSelected,
  nudgeSelected,
  reorderSelected,
  selectAll,
  type SelectionContext,
} from "../selection/selection-commands";
import { type CanvasInput, isTyping } from "../tools/canvas-input";
import type { Edits } from "./edits";
import type { EditorStore } from "./editor-store";
import type { OverlayStore } from "./overlay/overlay-store";
import { type Command, type ZoomCommand, commandOf } from "./shortcuts";

export interface KeyboardOptions {
  ctx: SelectionContext;
  store: EditorStore;
  overlay: OverlayStore;
  input: CanvasInput;
  edits: Edits;
  zoom: (command: ZoomCommand) => void;
}

/**
 * The editor's shortcuts, on the window. Keys typed into a field (a name, a text element) are
 * that field's; a key the editor used does not also reach the browser (Ctrl+D would bookmark).
 */
export function attachKeyboard({ ctx, store, overlay, input, edits, zoom }: KeyboardOptions): () => void {
  const run = (command: Command): boolean => {
    const state = store.getState();
    if (state.helpOpen && command.kind !== "help") return false;
    switch (command.kind) {
      case "tool":
        state.setTool(command.tool);
        return true;
      case "escape":
        input.cancel();
        overlay.setState({ marquee: null, erasing: [] });
        if (state.tool !== "select") state.setTool("select");
        else setSelection(ctx.selection, []);
        return true;
      case "undo":
        input.cancel();
        edits.undo();
        return true;
      case "redo":
        input.cancel();
        edits.redo();
        return true;
      case "delete":
        return deleteSelected(ctx);
      case "duplicate":
        duplicateSelected(ctx);
        return true;
      case "select-all":
        if (state.tool !== "select") state.setTool("select");
        selectAll(ctx);
        return true;
      case "nudge":
        return nudgeSelected(ctx, command.dx, command.dy);
      case "order":
        reorderSelected(ctx, command.move);
        return true;
      case "zoom":
        zoom(command.zoom);
        return true;
      case "help":
        state.setHelpOpen(!state.helpOpen);
        return true;
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
    const command = commandOf(event);
    if (command && run(command)) event.preventDefault();
  };
  window.addEventListener("keydown", onKeyDown);
  return () => window.removeEventListener("keydown", onKeyDown);
}

import type { PresenceEditor } from "@whiteboard/shared";
import { cleanName } from "../presence/identity";
import type { PresentUser } from "../presence/presence-users";
import { safeColor } from "../presence/safe-color";

/**
 * The feed's editors in the shape the editor's cursor overlay draws, so the viewer shows
 * cursors with the very same component. Names and colours come from anyone's awareness state:
 * they get the editor page's treatment (a colour goes into our styles only if it is plain
 * colour syntax, a name is cut to what a label has room for). A viewer is never an editor, so
 * none of them is `self`.
 */
export function viewerPresenceUsers(editors: readonly PresenceEditor[]): PresentUser[] {
  return editors.map((editor) => ({
    clientId: editor.clientId,
    name: cleanName(editor.name) || "Anonymous",
    color: safeColor(editor.color),
    cursor: editor.cursor,
    self: false,
  }));
}

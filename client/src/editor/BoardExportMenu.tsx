import { useMemo } from "react";
import { useStore } from "zustand";
import type * as Y from "yjs";
import { ExportMenu } from "../export/ExportMenu";
import type { EditorSession } from "./editor-session";

/** The export menu with this user's selection, importing under this user's undo origin. */
export function BoardExportMenu({ doc, boardName, session }: { doc: Y.Doc; boardName: string; session: EditorSession }) {
  const ids = useStore(session.selection, (s) => s.ids);
  const selection = useMemo(() => new Set(ids), [ids]);
  return <ExportMenu doc={doc} boardName={boardName} selection={selection} origin={session.edits.origin} />;
}

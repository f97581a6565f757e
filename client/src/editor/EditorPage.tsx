import { useCallback } from "react";
import { fetchBoard } from "../gallery/boards-api";
import { BoardPlaceholder } from "../pages/BoardPlaceholder";

export function EditorPage({ id }: { id: string }) {
  const load = useCallback(async (signal: AbortSignal) => (await fetchBoard(id, signal)).name, [id]);
  return <BoardPlaceholder load={load} comingSoon="Editor coming soon." />;
}

import { useCallback } from "react";
import { BoardPlaceholder } from "../pages/BoardPlaceholder";
import { fetchViewInfo } from "./view-api";

export function ViewerPage({ viewId }: { viewId: string }) {
  const load = useCallback(async (signal: AbortSignal) => (await fetchViewInfo(viewId, signal)).name, [viewId]);
  return <BoardPlaceholder load={load} comingSoon="Viewer coming soon." />;
}

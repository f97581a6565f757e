import { type ViewInfo, viewInfoSchema } from "@whiteboard/shared";
import { readBody, request } from "../api/request";

/** What a viewer may know of a board: its name and last edit, never its edit id. */
export async function fetchViewInfo(viewId: string, signal?: AbortSignal): Promise<ViewInfo> {
  const response = await request(`/api/view/${encodeURIComponent(viewId)}`, signal ? { signal } : {});
  return readBody(response, viewInfoSchema);
}

/** SPEC's Server-Sent Events feed of a board, by its view id. */
export function viewFeedPath(viewId: string): string {
  return `/api/view/${encodeURIComponent(viewId)}/events`;
}

/** What a primary-button drag on the canvas does. Panning is also always on space-drag and the middle button. */
export type ToolName = "pen" | "hand";

/** The pen's ink, as the toolbar sets it. */
export interface Ink {
  color: string;
  width: number;
}

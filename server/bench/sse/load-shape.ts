/** What each editor does, shared by the editor process that does it and the report that says it. */

/** A cursor sampled once per frame of a 30 fps budget, as the cursor bench moves it. */
export const CURSOR_HZ = 30;
/** A few finished strokes a second: someone drawing steadily. */
export const STROKES_PER_SECOND = 3;

/**
 * The largest canvas every current browser will allocate: Safari refuses more than 16,777,216
 * pixels (4096²), and Chromium and Firefox refuse a side over 32,767. Past these `toBlob` gives
 * nothing at all, so a huge board is exported at a lower scale rather than not at all.
 */
export const MAX_EXPORT_PIXELS = 4096 * 4096;
export const MAX_EXPORT_SIDE = 16_384;

/** `scale`, lowered as far as needed for a `width` × `height` (board units) image to fit those limits. */
export function fitScale(width: number, height: number, scale: number): number {
  const byArea = Math.sqrt(MAX_EXPORT_PIXELS / Math.max(1, width * height));
  const bySide = MAX_EXPORT_SIDE / Math.max(1, width, height);
  return Math.min(scale, byArea, bySide);
}

import { type Rgba, darkInk, rgbaToCss } from "./dark-ink";
import type { ColorScheme } from "./color-scheme";

/**
 * The colour to paint a stored colour string with. Colours come from every client of the board,
 * so one may be anything: `resolve` answers null for a string that is not a colour, and the
 * caller paints ink in `fallback` instead (and leaves a fill out).
 */
export interface InkResolver {
  resolve(stored: string): string | null;
  readonly fallback: string;
}

/** What a CSS colour string looks like in sRGB, or null when it is not a colour. */
export type ColorProbe = (css: string) => Rgba | null;

/** Near-black: the light theme's text colour, and the ink anything unreadable is drawn in. */
export const FALLBACK_INK = "#1b1b1f";

/**
 * In light mode a colour is painted exactly as stored (only an invalid one is replaced); in dark
 * mode it is adjusted for the dark paper (see `darkInk`). Answers are remembered: a board uses a
 * handful of colours, and the probe is not free.
 */
export function createInkResolver(scheme: ColorScheme, probe: ColorProbe): InkResolver {
  const known = new Map<string, string | null>();
  const fallback = scheme === "light" ? FALLBACK_INK : rgbaToCss(darkInk(probe(FALLBACK_INK) ?? FALLBACK_RGBA));
  return {
    fallback,
    resolve(stored) {
      let ink = known.get(stored);
      if (ink === undefined) {
        const rgba = probe(stored);
        ink = rgba === null ? null : scheme === "light" ? stored : rgbaToCss(darkInk(rgba));
        // A board written by a hostile client could hold endless distinct strings.
        if (known.size > MAX_REMEMBERED) known.clear();
        known.set(stored, ink);
      }
      return ink;
    },
  };
}

const FALLBACK_RGBA = [27, 27, 31, 1] as const;
const MAX_REMEMBERED = 4096;

/**
 * A probe that asks the browser: the canvas ignores an assignment it cannot parse, so a string
 * that leaves two different sentinels in place is not a colour; one that parses is painted on
 * one pixel and read back, which handles every syntax the browser knows (names, hsl, oklch...).
 */
export function canvasColorProbe(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D): ColorProbe {
  return (css) => {
    ctx.fillStyle = "#010203";
    ctx.fillStyle = css;
    if (ctx.fillStyle === "#010203") {
      ctx.fillStyle = "#040506";
      ctx.fillStyle = css;
      if (ctx.fillStyle === "#040506") return null;
    }
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
}
